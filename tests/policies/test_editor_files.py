"""Import and export: one readable file, identical round trip, errors naming the line."""

from __future__ import annotations

import json

import pytest

from policies import services
from policies.engine.errors import PolicyError
from policies.models import PolicyVersion
from policies.packs import PACK_KINDS, load_pack
from policies.policy_files import export_policy, locate, parse_policy_file


@pytest.mark.parametrize("kind", PACK_KINDS)
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_export_import_export_gives_the_same_file(kind, fmt):
    first = export_policy(load_pack(kind), fmt=fmt, title="v1")
    parsed = parse_policy_file(first)
    assert parsed.document == load_pack(kind)
    assert export_policy(parsed.document, fmt=fmt, title="v1") == first


def test_export_does_not_depend_on_the_order_the_database_kept_keys_in():
    document = load_pack("council")
    shuffled = dict(reversed(list(document.items())))
    shuffled["rules"] = [dict(reversed(list(rule.items()))) for rule in document["rules"]]
    assert export_policy(shuffled) == export_policy(document)


def test_the_export_reads_top_down_like_a_policy():
    text = export_policy(load_pack("council"))
    positions = [text.index(f"\n{key}:") for key in ("schema", "tiers", "rules", "examples")]
    assert positions == sorted(positions)
    assert "- id: politically-neutral\n    kind: banned_phrase" in text


def test_dates_stay_the_text_that_was_written():
    parsed = parse_policy_file("rules:\n- id: w\n  kind: window\n  start: 2027-03-25\n  end: 2027-05-06 18:00:00\n")
    assert parsed.document["rules"][0]["start"] == "2027-03-25"
    assert parsed.document["rules"][0]["end"] == "2027-05-06 18:00:00"


BAD_FILE = """\
schema: 1
kind: council
name: Broken
tiers:
  low: {approvals: 0}
  medium: {approvals: 2}
  high: {approvals: 1}
rules:
  - id: fine
    kind: banned_phrase
    terms: [vote for]
  - id: shouting
    kind: shouty_phrase
    terms: [LOUD]
  - id: ref-number
    kind: pattern
    pattern: "(ref"
"""


def test_validation_problems_name_the_line_of_the_file():
    parsed = parse_policy_file(BAD_FILE)
    with pytest.raises(PolicyError) as raised:
        from policies.engine import validate_document

        validate_document(parsed.document)
    located = {p.field: p.where for p in locate(raised.value, parsed).errors}
    assert located["kind"].startswith("line 13:")
    assert located["pattern"].startswith("line 17:")
    assert located["approvals"].startswith("line 7:")


@pytest.mark.parametrize(("text", "line"), [
    ("schema: 1\nrules:\n  - id: a\n   kind: x\n", 4),
    ('{\n  "schema": 1,\n  "rules": [\n    {"id": "a",}\n  ]\n}\n', 4),
])
def test_a_file_that_does_not_parse_names_its_line(text, line):
    with pytest.raises(PolicyError) as raised:
        parse_policy_file(text)
    assert raised.value.errors[0].where == f"line {line}"


def test_json_imports_keep_line_numbers_too():
    document = load_pack("council")
    document["rules"][2]["pattern"] = "(broken"
    text = json.dumps(document, indent=2)
    parsed = parse_policy_file(text)
    with pytest.raises(PolicyError) as raised:
        from policies.engine import validate_document

        validate_document(parsed.document)
    line = int(locate(raised.value, parsed).errors[0].where.split(":")[0].removeprefix("line "))
    assert '"pattern": "(broken"' in text.splitlines()[line - 1]


def test_importing_an_owner_who_is_not_a_member_saves_nothing(council):
    document = load_pack("council") | {"accounts": [{"handle": "@StroudDC", "network": "x",
                                                     "owner": "mallory@firm.example"}]}
    parsed = parse_policy_file(export_policy(document))
    before = PolicyVersion.objects.count()
    with pytest.raises(PolicyError) as raised:
        services.policy_version_create_draft(organisation=council.organisation, by=council.membership(council.dave),
                                             document=parsed.document, source="import")
    problem = locate(raised.value, parsed).errors[0]
    assert problem.field == "owner" and "not a member" in problem.message and problem.where.startswith("line ")
    assert PolicyVersion.objects.count() == before
