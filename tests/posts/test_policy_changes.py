"""What a policy change does to posts: re-assessment on activation, and the dry run."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from policies import services
from policies.checks.base import AccountContext
from policies.engine import assess, compile_policy
from policies.models import AuditEvent, PolicyDryRun
from policies.packs import load_pack
from policies.policy_document import with_rule, without_rule
from policies.reassess import assess_reusing, reusable_checks, stored_findings
from posts.models import Post, PostState
from posts.policy_changes import dry_run_execute, dry_run_start
from posts.services import post_submit
from tests.texts import BLOCKED, HARMLESS, MEDIUM


@pytest.fixture(autouse=True)
def _jobs(django_capture_on_commit_callbacks):
    """Jobs run in-process after commit; a test's transaction never commits, so the jobs
    queued inside each ``with jobs():`` block run as it ends, like a commit."""
    global jobs
    jobs = lambda: django_capture_on_commit_callbacks(execute=True)  # noqa: E731
    yield


jobs = None


@pytest.fixture(autouse=True)
def _fresh_compiled_versions():
    """selectors caches compiled versions by primary key, and a rolled-back test database
    hands the same keys out again: start each test with an empty cache."""
    from policies import selectors

    selectors._compiled_by_version.clear()


SURE_EXAMPLES = [{"id": "repair-cafe", "text": HARMLESS, "tier": "low"}]
FIREWORKS = {"id": "no-fireworks", "kind": "banned_phrase", "severity": "high",
             "message": "Fireworks need the events team's sign-off.", "terms": ["fireworks"]}


def _activate(council, document):
    admin = council.membership(council.dave)
    draft = services.policy_version_create_draft(organisation=council.organisation, by=admin,
                                                 document=document | {"examples": SURE_EXAMPLES})
    with jobs():
        return services.policy_version_activate(version=draft, by=admin)


def _council_document(council):
    return council.organisation.active_policy().document


def test_activation_sends_a_post_in_review_whose_tier_rises_back_to_review_saying_which_rule(council, make_post):
    post = make_post("Bonfire night at Stratford Park with fireworks, have your say: bit.ly/stroud-park")
    post_submit(post=post, by=council.alice, expected_revision=1)
    post.refresh_from_db()
    assert (post.state, post.tier) == (PostState.IN_REVIEW, "medium")
    _activate(council, with_rule(_council_document(council), FIREWORKS))
    post.refresh_from_db()
    assert post.state == PostState.IN_REVIEW
    assert post.current_revision.number == 2 and post.current_revision.tier == "high"
    assert post.current_revision.policy_number == 2 and post.current_revision.required_approvals == 2
    event = AuditEvent.objects.get(post_id=post.pk, verb="reassessed")
    assert event.data["rules"] == ["no-fireworks"]
    assert "no-fireworks" in event.data["message"] and "was medium" in event.data["message"]


def test_activation_updates_drafts_and_leaves_unchanged_posts_alone(council, make_post):
    draft = make_post("Fireworks tonight at the park!")
    plain = make_post(HARMLESS)
    _activate(council, with_rule(_council_document(council), FIREWORKS))
    draft.refresh_from_db()
    plain.refresh_from_db()
    assert (draft.state, draft.current_revision.number, draft.current_revision.tier) == (PostState.DRAFT, 2, "high")
    assert plain.current_revision.number == 1
    summary = AuditEvent.objects.get(verb="policy.posts_reassessed")
    assert summary.data == {"checked": 2, "changed": 1}


def test_a_post_in_review_whose_tier_falls_keeps_its_review(council, make_post):
    post = make_post(MEDIUM)
    post_submit(post=post, by=council.alice, expected_revision=1)
    document = _council_document(council)
    document["checks"] = dict(document["checks"], links={"shortener_severity": "low", "unlisted_severity": "info"})
    _activate(council, document)
    post.refresh_from_db()
    assert (post.state, post.current_revision.number) == (PostState.IN_REVIEW, 1)


def test_a_post_in_review_that_becomes_blocked_returns_to_draft(council, make_post):
    post = make_post("Fireworks at the park on Saturday, have your say: bit.ly/stroud-park")
    post_submit(post=post, by=council.alice, expected_revision=1)
    _activate(council, with_rule(_council_document(council), FIREWORKS | {"severity": "block"}))
    post.refresh_from_db()
    assert (post.state, post.tier) == (PostState.DRAFT, "block")


def test_published_posts_keep_the_verdict_they_went_out_with(council, make_post):
    post = make_post("Fireworks tonight!")
    Post.objects.filter(pk=post.pk).update(state=PostState.PUBLISHED, approved_revision=post.current_revision)
    _activate(council, with_rule(_council_document(council), FIREWORKS))
    post.refresh_from_db()
    assert post.current_revision.number == 1


# --- The dry run -------------------------------------------------------------------------------


def test_dry_run_counts_posts_that_would_go_up_and_down_grouped_by_rule(council, make_post):
    texts = ([HARMLESS] * 150 + ["Fireworks at the park tonight, all welcome!"] * 60 + [MEDIUM] * 40
             + ["Please sign the petition: https://www.change.org/p/save-the-library"] * 30)
    posts = [make_post(text) for text in texts]
    old = Post.objects.filter(pk=posts[0].pk)
    old.update(created_at=old.get().created_at.replace(year=2000))  # outside the 90 days
    document = with_rule(_council_document(council), FIREWORKS)
    document = without_rule(document, "trusted-sites")
    admin = council.membership(council.dave)
    draft = services.policy_version_create_draft(organisation=council.organisation, by=admin, document=document)
    with jobs():
        dry_run = dry_run_start(version=draft, days=90, by=council.dave)
    dry_run.refresh_from_db()
    results = dry_run.results
    assert dry_run.status == PolicyDryRun.Status.DONE and dry_run.done == dry_run.total == len(texts) - 1
    assert (results["compared"], results["up"], results["down"]) == (len(texts) - 1, 60, 30)
    groups = {g["rule"]: (g["up"], g["down"]) for g in results["by_rule"]}
    assert groups == {"no-fireworks": (60, 0), "trusted-sites": (0, 30)}
    assert results["before"]["high"] == 30 and results["after"]["high"] == 60
    fireworks = next(g for g in results["by_rule"] if g["rule"] == "no-fireworks")
    assert fireworks["message"] == FIREWORKS["message"] and fireworks["posts"][0]["to"] == "high"


def test_a_finished_dry_run_is_not_run_again(council, make_post):
    make_post(HARMLESS)
    draft = services.policy_version_create_draft(organisation=council.organisation, by=council.membership(council.dave))
    with jobs():
        dry_run = dry_run_start(version=draft, days=90, by=council.dave)
    dry_run.refresh_from_db()
    assert dry_run.status == "done"
    finished_at = dry_run.finished_at
    dry_run_execute(dry_run.pk)
    dry_run.refresh_from_db()
    assert dry_run.finished_at == finished_at


NOON = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)
DRAFTS = Path(__file__).resolve().parents[1] / "data" / "drafts.jsonl"


def test_reusing_stored_content_findings_gives_the_same_tier_as_a_full_assessment():
    """The dry run's shortcut must never change a verdict: compare it with assess() on
    every labelled draft, under a draft that changes rules but not content checks."""
    old_document = load_pack("council")
    old = compile_policy(old_document)
    new = compile_policy(with_rule(without_rule(old_document, "trusted-sites"), FIREWORKS))
    reused = reusable_checks(old_document, new)
    assert reused == {"identifiers", "customer_privacy", "tone"}
    account = AccountContext(network="x", handle="@StroudDC")
    rows = [json.loads(line) for line in DRAFTS.read_text(encoding="utf-8").splitlines() if line.strip()][:250]
    texts = [row["text"] for row in rows] + [BLOCKED, "Pay\u200bment overdue for Mr Hall"]
    for text in texts:
        stored = assess(text, account=account, policy=old, org_kind="council", at=NOON)
        rows = [f.as_dict() | {"kind": f.kind, "rule": f.rule} for f in stored.findings]
        fast = assess_reusing(text, account=account, at=NOON, policy=new, org_kind="council", author_id=None,
                              reused=reused, known=stored_findings(rows, reused))
        full = assess(text, account=account, policy=new, org_kind="council", at=NOON)
        assert fast.tier == full.tier, text
        assert sorted(f.as_dict().items() for f in fast.findings) == sorted(f.as_dict().items() for f in full.findings)


def test_changed_content_settings_are_not_reused():
    document = load_pack("council")
    changed = dict(document, checks=dict(document["checks"], tone={"min_severity": "high"}))
    assert reusable_checks(document, compile_policy(changed)) == {"identifiers", "customer_privacy"}
