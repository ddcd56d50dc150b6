"""What a policy change does to posts: the dry run before, the re-assessment after.

``policies`` never imports ``posts``; it sends ``policy_activated`` and this module
listens. Both jobs take ids, re-read their rows and are safe to run twice.

- :func:`dry_run_execute` tries a version on the organisation's posts of the last N days
  and records which would change tier, grouped by the rule that explains it. It must get
  through 50,000 posts in under a minute, so it reuses each stored revision's content
  findings when they cannot have changed (see ``policies.reassess``) and reads rows in
  chunks without building model instances.
- :func:`reassess_open_posts` runs after activation over drafts and posts in review
  (``posts.services.post_reassess``).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from config.jobs import enqueue
from policies.audit import audit_record
from policies.models import PolicyDryRun, PolicyVersion, SocialAccount, User
from policies.policy_compare import order_of, rules_behind_change
from policies.reassess import assess_reusing, reusable_checks, stored_findings
from policies.selectors import compiled_version
from policies.signals import policy_activated
from posts.models import Post
from posts.services import REASSESSED_STATES, post_reassess

logger = logging.getLogger(__name__)

DRY_RUN_TIMEOUT = 300
REASSESS_TIMEOUT = 1800
PROGRESS_EVERY = 500
CHUNK = 2000
KEEP_PER_RULE = 25  # posts listed under each rule (the counts are always complete)
KEEP_CHANGES = 500


# --- Re-assessment on activation ---------------------------------------------------------


@receiver(policy_activated, dispatch_uid="posts.reassess_on_activation")
def _reassess_on_activation(sender, version: PolicyVersion, by=None, **kwargs) -> None:
    enqueue(reassess_open_posts, version.pk, by.pk if by else None, queue="default", timeout=REASSESS_TIMEOUT)


def reassess_open_posts(version_id: int, by_id: int | None = None) -> dict[str, int]:
    """Re-assess every open post of the version's organisation under it (if still in force)."""
    version = PolicyVersion.objects.select_related("organisation").filter(pk=version_id).first()
    if version is None or version.status != PolicyVersion.Status.ACTIVE:
        return {"checked": 0, "changed": 0}  # a later activation superseded it; that one re-assesses
    by = User.objects.filter(pk=by_id).first() if by_id else None
    ids = list(Post.objects.filter(organisation=version.organisation, state__in=REASSESSED_STATES)
               .order_by("pk").values_list("pk", flat=True))
    changed = 0
    for pk in ids:
        try:
            if post_reassess(post=Post(pk=pk), by=by) is not None:
                changed += 1
        except Exception:  # one post must not stop the others; it is re-checked on submit anyway
            logger.exception("re-assessing post %s under policy v%s failed", pk, version.number)
    with transaction.atomic():
        audit_record(organisation=version.organisation, actor=None, verb="policy.posts_reassessed", subject=version,
                     policy_version=version.number, data={"checked": len(ids), "changed": changed})
    return {"checked": len(ids), "changed": changed}


# --- Dry run ----------------------------------------------------------------------------------


def dry_run_start(*, version: PolicyVersion, days: int, by) -> PolicyDryRun:
    """Record a dry run of ``version`` over the last ``days`` days and queue it."""
    with transaction.atomic():
        dry_run = PolicyDryRun.objects.create(organisation=version.organisation, version=version, days=days,
                                              started_by=by)
        enqueue(dry_run_execute, dry_run.pk, queue="default", timeout=DRY_RUN_TIMEOUT)
    return dry_run


def _finding_rows(assessment) -> list[dict]:
    rows = [{"rule": f.rule, "check": f.check, "code": f.code, "severity": f.severity.label, "message": f.message}
            for f in assessment.findings]
    return rows + [e.as_dict() for e in assessment.escalations]


class _Tally:
    """Counts and the changed posts, grouped by rule, as the run goes."""

    def __init__(self) -> None:
        self.compared = self.up = self.down = 0
        self.before = {"low": 0, "medium": 0, "high": 0, "block": 0}
        self.after = dict(self.before)
        self.by_rule: dict[str, dict] = {}
        self.changes: list[dict] = []
        self.messages: dict[str, str] = {}

    def add(self, *, post_id: int, text: str, before: str, after: str, why_rows: tuple[list, list]) -> None:
        self.compared += 1
        self.before[before] += 1
        self.after[after] += 1
        if before == after:
            return
        rose = order_of(after) > order_of(before)
        old_rows, new_rows = why_rows
        rules = rules_behind_change(old_rows, new_rows, rose=rose) or ["(tier table or escalation)"]
        for row in old_rows + new_rows:
            if row.get("rule") and row.get("message"):
                self.messages.setdefault(row["rule"], row["message"])
        if rose:
            self.up += 1
        else:
            self.down += 1
        change = {"post": post_id, "from": before, "to": after, "rules": rules, "excerpt": text[:140]}
        if len(self.changes) < KEEP_CHANGES:
            self.changes.append(change)
        for rule in rules:
            group = self.by_rule.setdefault(rule, {"rule": rule, "up": 0, "down": 0, "posts": []})
            group["up" if rose else "down"] += 1
            if len(group["posts"]) < KEEP_PER_RULE:
                group["posts"].append(change)

    def results(self) -> dict:
        groups = sorted(self.by_rule.values(), key=lambda g: (-(g["up"] + g["down"]), g["rule"]))
        for group in groups:
            group["message"] = self.messages.get(group["rule"], "")
        return {"compared": self.compared, "up": self.up, "down": self.down,
                "unchanged": self.compared - self.up - self.down, "before": self.before, "after": self.after,
                "by_rule": groups, "changes": self.changes}


def _under(policy, reused: frozenset[str], findings: list[dict], post: dict):
    return assess_reusing(post["text"], account=post["account"], at=post["at"], policy=policy,
                          org_kind=post["org_kind"], author_id=post["author_id"], reused=reused,
                          known=stored_findings(findings, reused))


def dry_run_execute(dry_run_id: int) -> None:
    """Assess the organisation's recent posts under the dry run's version and compare each
    with its tier under the version in force."""
    dry_run = PolicyDryRun.objects.select_related("version", "organisation").get(pk=dry_run_id)
    if dry_run.is_finished:
        return
    organisation = dry_run.organisation
    try:
        draft = compiled_version(dry_run.version)
        active = organisation.active_policy()
        baseline = compiled_version(active) if active is not None and active.pk != dry_run.version_id else None
        documents = dict(PolicyVersion.objects.filter(organisation=organisation).values_list("pk", "document"))
        reuse_draft = {pk: reusable_checks(doc, draft) for pk, doc in documents.items()}
        reuse_base = {pk: reusable_checks(doc, baseline) for pk, doc in documents.items()} if baseline else {}
        accounts = {
            account.pk: account.context()
            for account in SocialAccount.objects.filter(organisation=organisation)
            .select_related("owner__user").prefetch_related("posters")
        }
        posts = (Post.objects.filter(organisation=organisation, current_revision__isnull=False,
                                     created_at__gte=timezone.now() - timedelta(days=dry_run.days))
                 .order_by("pk"))
        total = posts.count()
        PolicyDryRun.objects.filter(pk=dry_run.pk).update(status=PolicyDryRun.Status.RUNNING, total=total, done=0)
        rows = posts.values_list(
            "pk", "account_id", "author_id", "scheduled_for", "current_revision__created_at",
            "current_revision__text", "current_revision__tier", "current_revision__findings",
            "current_revision__escalations", "current_revision__policy_version_id",
        ).iterator(chunk_size=CHUNK)
        tally = _Tally()
        kind = organisation.kind
        for done, (pk, account_id, author_id, scheduled_for, checked_at, text, tier, findings, escalations,
                   stored_version) in enumerate(rows, start=1):
            post = {"text": text, "account": accounts.get(account_id), "at": scheduled_for or checked_at,
                    "org_kind": kind, "author_id": author_id}
            after = _under(draft, reuse_draft.get(stored_version, frozenset()), findings, post)
            if baseline is None or stored_version == (active.pk if active else None):
                before_tier, before_rows = tier, list(findings) + list(escalations)
            else:
                before = _under(baseline, reuse_base.get(stored_version, frozenset()), findings, post)
                before_tier, before_rows = before.tier.value, _finding_rows(before)
            new_tier = after.tier.value
            tally.add(post_id=pk, text=text, before=before_tier, after=new_tier,
                      why_rows=(before_rows, _finding_rows(after)) if new_tier != before_tier else ([], []))
            if done % PROGRESS_EVERY == 0:
                PolicyDryRun.objects.filter(pk=dry_run.pk).update(done=done)
        PolicyDryRun.objects.filter(pk=dry_run.pk).update(
            status=PolicyDryRun.Status.DONE, done=tally.compared, total=max(total, tally.compared),
            results=tally.results(), finished_at=timezone.now(),
        )
    except Exception as error:
        logger.exception("dry run %s failed", dry_run_id)
        PolicyDryRun.objects.filter(pk=dry_run.pk).update(
            status=PolicyDryRun.Status.FAILED, error=f"{type(error).__name__}: {error}", finished_at=timezone.now()
        )
        raise
