from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from policies.management.commands.assess import assess_stream, pack_chooser


@pytest.fixture
def run(monkeypatch):
    """Run ``manage.py assess -`` on some lines: (exit status, output rows, stderr)."""

    def run_command(lines, *args, **options):
        out, err = io.StringIO(), io.StringIO()
        monkeypatch.setattr("sys.stdin", io.StringIO("".join(line + "\n" for line in lines)))
        status = 0
        try:
            call_command("assess", "-", *args, stdout=out, stderr=err, **options)
        except SystemExit as exit_:
            status = exit_.code
        return status, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()

    return run_command


def test_json_lines_in_one_json_line_out_each(run):
    status, rows, err = run(
        [
            json.dumps({"id": "a", "text": "Bins are collected as normal this week.", "platform": "x"}),
            json.dumps({"id": "b", "text": "Please sign https://www.change.org/p/x", "org_kind": "council"}),
        ]
    )
    assert (status, err) == (0, "")
    assert [row["id"] for row in rows] == ["a", "b"]
    assert set(rows[0]) == {"id", "tier", "auto_approved", "findings"}
    assert (rows[0]["tier"], rows[0]["auto_approved"]) == ("low", True)
    # The links finding makes it high; the safety net may add its own (order not fixed).
    links = [f for f in rows[1]["findings"] if f["check"] == "links"]
    assert rows[1]["tier"] == "high" and links
    assert set(links[0]) == {"check", "code", "start", "end", "severity", "message"}


def test_plain_text_lines_get_their_line_number_as_id(run):
    status, rows, _ = run(["Vote for Sarah Jones!", "", "Library open at 9."])
    assert status == 0
    assert [(row["id"], row["tier"]) for row in rows] == [(1, "high"), (3, "low")]


def test_pack_option_overrides_the_lines_org_kind(run):
    line = json.dumps({"id": 1, "text": "Our new saver is risk-free with guaranteed returns.", "org_kind": "council"})
    assert run([line])[1][0]["tier"] == "low"
    assert run([line], pack="bank")[1][0]["tier"] in ("high", "block")


def test_malformed_line_exits_2_with_its_line_number(run):
    status, rows, err = run(["Fine text", '{"id": 2, "text": ', "More text"])
    assert status == 2
    assert "line 2" in err
    assert [row["id"] for row in rows] == [1]


def test_a_line_without_text_is_malformed(run):
    status, _, err = run(['{"id": 1, "body": "x"}'])
    assert status == 2 and "line 1" in err and "text" in err


def test_skip_bad_reports_and_carries_on(run):
    status, rows, err = run(["Fine text", "{broken", '["not", "an object"]', "[Update] bins as normal"], skip_bad=True)
    assert status == 0
    assert [row["id"] for row in rows] == [1, 4]
    assert "line 2" in err and "line 3" in err


def test_stream_function_writes_nothing_but_json():
    out, err = io.StringIO(), io.StringIO()
    assert assess_stream(["hello\n", "😀 \u200b\n"], out, err, choose=pack_chooser(None), skip_bad=False) == 0
    assert all(json.loads(line) for line in out.getvalue().splitlines())


@pytest.mark.django_db
def test_org_and_account_use_the_organisations_active_policy_and_the_accounts_network(run, council):
    rows = run(["Please sign https://www.change.org/p/x", "a" * 281], org="stroud", account="@StroudDC")[1]
    assert [row["tier"] for row in rows] == ["high", "block"]  # council pack's blocked domain; X's limit


@pytest.mark.django_db
def test_unknown_organisation_or_account_is_an_error(run, council):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no organisation"):
        run(["x"], org="nowhere", account="@StroudDC")
    with pytest.raises(CommandError, match="no account"):
        run(["x"], org="stroud", account="@nobody")
