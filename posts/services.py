"""A post's transitions (STYLE.md: ``post_<action>`` with keyword-only arguments).

Each transition runs in one transaction on a locked post row, checks the state it
starts from, and writes one audit event per change (who, which revision, which policy
version). Approval by people is decided in ``reviews``; it calls ``post_mark_approved``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from policies.audit import audit_record
from policies.checks.base import Tier
from policies.engine import Assessment, CompiledPolicy
from policies.models import Membership, PolicyVersion, SocialAccount
from policies.policy_compare import explain_tier_change
from policies.selectors import active_policy_for
from policies.services import DomainError
from posts.models import Post, PostState, Revision
from posts.signals import post_transition

MAX_TEXT = 100_000  # far beyond any network; protects the database and the checks


@dataclass(frozen=True)
class Checked:
    """An assessment together with the policy version that made it."""

    assessment: Assessment
    version: PolicyVersion | None
    policy: CompiledPolicy

    @property
    def requirement(self):
        return self.policy.tiers.get(self.assessment.tier)


def assess_for(*, text: str, account: SocialAccount, author_id: int | None, at: datetime | None = None) -> Checked:
    """Check ``text`` for ``account`` under the organisation's policy in force."""
    version, policy = active_policy_for(account.organisation)
    assessment = _assess(text, account=account, policy=policy, author_id=author_id, at=at)
    return Checked(assessment, version, policy)


def _assess(text, *, account, policy, author_id, at):
    from policies import assess

    return assess(text, account=account.context(), at=at, policy=policy, author_id=author_id,
                  org_kind=account.organisation.kind)


def _clean_text(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise DomainError("Write something first: the post is empty.", field="text")
    if len(text) > MAX_TEXT:
        raise DomainError(f"That is {len(text):,} characters; no network takes more than {MAX_TEXT:,}.", field="text")
    return text


def post_audit(post: Post, by, verb: str, revision: Revision | None = None, **data) -> None:
    """Record one transition of ``post`` and announce it (posts.signals.post_transition)."""
    revision = revision or post.current_revision
    audit_record(
        organisation=post.organisation, actor=by, verb=verb, subject=post, post_id=post.pk,
        revision_number=revision.number if revision else None,
        policy_version=revision.policy_number if revision else None,
        data=data,
    )
    post_transition.send(sender=Post, post=post, verb=verb, actor=by, revision=revision, data=data)


def _new_revision(post: Post, text: str, by, *, at: datetime | None = None, checked: Checked | None = None) -> Revision:
    """A new assessed revision. ``by`` None means the system (a policy change): the
    revision is then recorded as the author's text, the audit events as Countersign's."""
    checked = checked or assess_for(text=text, account=post.account, author_id=post.author_id,
                                    at=at or post.scheduled_for)
    requirement = checked.requirement
    last = post.revisions.order_by("-number").values_list("number", flat=True).first() or 0
    revision = Revision.objects.create(
        post=post,
        number=last + 1,
        text=text,
        created_by=by or post.author,
        tier=checked.assessment.tier.value,
        findings=[f.as_dict() | {"kind": f.kind, "rule": f.rule} for f in checked.assessment.findings],
        escalations=checked.assessment.as_dict()["escalations"],
        policy_version=checked.version,
        policy_number=checked.version.number if checked.version else None,
        required_approvals=requirement.approvals if requirement else 0,
        needs_owner_or_lead=bool(requirement and requirement.owner_or_lead),
    )
    post.current_revision = revision
    post.working_text = ""
    post_audit(post, by, "revised" if revision.number > 1 else "created", revision, account=post.account.handle)
    post_audit(post, None, "assessed", revision, tier=revision.tier,
           findings=len(revision.findings), policy_hash=checked.assessment.policy_hash)
    return revision


def _lock(post: Post) -> Post:
    return Post.objects.select_for_update(of=("self",)).select_related("account__organisation", "current_revision").get(pk=post.pk)


def _check_fresh(post: Post, expected_revision: int | None) -> None:
    current = post.current_revision.number if post.current_revision else 0
    if expected_revision is not None and expected_revision != current:
        raise DomainError(
            f"This post changed since you opened it: it is now at revision {current} "
            f"(you had revision {expected_revision}). Reload to see the latest text.",
        )


def _require_author(post: Post, by) -> None:
    if post.author_id != by.pk:
        raise PermissionDenied("Only the post's author can do that.")


# --- Creating and editing ----------------------------------------------------------------


def post_create(*, author: Membership, accounts: Iterable[SocialAccount], text: str,
                variants: dict[int, str] | None = None) -> list[Post]:
    """Create one draft per account (a ``batch``), each with its first assessed revision.

    ``variants`` maps an account id to text adapted for that network.
    """
    accounts = list(accounts)
    if not accounts:
        raise DomainError("Choose at least one account to post on.", field="accounts")
    allowed = set(SocialAccount.objects.postable_by(author).values_list("pk", flat=True))
    refused = [a.handle for a in accounts if a.pk not in allowed]
    if refused:
        raise DomainError(f"You may not post on {', '.join(refused)}. Ask the account's owner to add you.",
                          field="accounts")
    variants = variants or {}
    texts = {a.pk: _clean_text(variants.get(a.pk) or text) for a in accounts}
    posts = []
    with transaction.atomic():
        batch = None
        for account in accounts:
            post = Post.objects.create(organisation=author.organisation, account=account, author=author.user,
                                       **({"batch": batch} if batch else {}))
            batch = post.batch
            _new_revision(post, texts[account.pk], author.user)
            post.save(update_fields=["current_revision", "working_text", "updated_at"])
            posts.append(post)
    return posts


def post_autosave(*, post: Post, text: str, by) -> Post:
    """Keep what the author is typing, without making a revision (nothing typed is lost)."""
    _require_author(post, by)
    if not post.is_editable:
        raise DomainError(f"This post is {post.get_state_display().lower()} and can no longer be edited.")
    text = (text or "").replace("\r\n", "\n")
    if len(text) > MAX_TEXT:
        raise DomainError(f"That is {len(text):,} characters; no network takes more than {MAX_TEXT:,}.", field="text")
    Post.objects.filter(pk=post.pk).update(working_text=text, updated_at=timezone.now())
    post.working_text = text
    return post


def post_revise(*, post: Post, text: str, by, expected_revision: int | None) -> Revision | None:
    """Save the text as a new revision if it changed. Any edit after submission voids the
    approvals (they belong to the old revision) and returns the post to draft."""
    _require_author(post, by)
    text = _clean_text(text)
    with transaction.atomic():
        post = _lock(post)
        if not post.is_editable:
            raise DomainError(f"This post is {post.get_state_display().lower()} and can no longer be edited.")
        _check_fresh(post, expected_revision)
        if post.current_revision and post.current_revision.text == text:
            if post.working_text:
                post.working_text = ""
                post.save(update_fields=["working_text", "updated_at"])
            return None
        previous_state = post.state
        revision = _new_revision(post, text, by)
        if previous_state != PostState.DRAFT:
            post.state = PostState.DRAFT
            post.approved_revision = None
            post.approved_by_policy = False
            post.approved_at = None
            post_audit(post, by, "returned_to_draft", revision, was=previous_state,
                   reason="The text changed, so earlier approvals no longer apply.")
        post.save()
    return revision


# --- Submission and its outcomes -----------------------------------------------------------


def post_submit(*, post: Post, by, expected_revision: int | None, text: str | None = None) -> Post:
    """Submit the current revision: block is refused, low is approved by the policy,
    medium and high go to review with the approvals their tier needs."""
    _require_author(post, by)
    if text is not None:
        post_revise(post=post, text=text, by=by, expected_revision=expected_revision)
        post.refresh_from_db()
        expected_revision = post.current_revision.number
    with transaction.atomic():
        post = _lock(post)
        if post.state not in {PostState.DRAFT, PostState.CHANGES_REQUESTED}:
            raise DomainError(f"This post is already {post.get_state_display().lower()}.")
        _check_fresh(post, expected_revision)
        if post.has_unsaved_changes:
            raise DomainError("Save your latest changes before submitting.")
        revision = post.current_revision
        active, _ = active_policy_for(post.organisation)
        if active is not None and revision.policy_version_id != active.pk:
            # The policy changed since this revision was checked: check it again.
            revision = _new_revision(post, revision.text, by)
        if revision.tier == Tier.BLOCK:
            reasons = "; ".join(f["message"] for f in revision.findings if f["severity"] == "block")
            raise DomainError(f"This post cannot be submitted yet. {reasons}")
        now = timezone.now()
        post.submitted_at = now
        post_audit(post, by, "submitted", revision, tier=revision.tier)
        if revision.tier == Tier.LOW:
            post.state = PostState.APPROVED
            post.approved_revision = revision
            post.approved_by_policy = True
            post.approved_at = now
            post_audit(post, None, "auto_approved", revision,
                   message=f"Approved by policy version {revision.policy_number}: no finding above low.")
        else:
            post.state = PostState.IN_REVIEW
        post.save()
    return post


def post_withdraw(*, post: Post, by) -> Post:
    """The author takes a submitted post back to draft (approvals stay with their revision)."""
    _require_author(post, by)
    with transaction.atomic():
        post = _lock(post)
        if post.state not in {PostState.IN_REVIEW, PostState.CHANGES_REQUESTED, PostState.APPROVED, PostState.SCHEDULED}:
            raise DomainError(f"A post that is {post.get_state_display().lower()} cannot be withdrawn.")
        was = post.state
        post.state = PostState.DRAFT
        post.approved_revision = None
        post.approved_by_policy = False
        post.approved_at = None
        post.save()
        post_audit(post, by, "withdrawn", was=was)
    return post


def post_mark_approved(*, post: Post, revision: Revision, by) -> Post:
    """Called by reviews once ``revision`` has the approvals its tier needs. ``post`` must
    already be locked by the caller's transaction."""
    if post.state != PostState.IN_REVIEW or post.current_revision_id != revision.pk:
        raise DomainError("This post is no longer waiting for approval of that revision.")
    post.state = PostState.APPROVED
    post.approved_revision = revision
    post.approved_by_policy = False
    post.approved_at = timezone.now()
    post.save()
    post_audit(post, by, "approved", revision)
    return post


def post_mark_changes_requested(*, post: Post, revision: Revision, by, message: str) -> Post:
    """Called by reviews when a reviewer asks for changes; ``post`` is locked by the caller."""
    if post.state != PostState.IN_REVIEW or post.current_revision_id != revision.pk:
        raise DomainError("This post is no longer waiting for review of that revision.")
    post.state = PostState.CHANGES_REQUESTED
    post.save()
    post_audit(post, by, "changes_requested", revision, message=message)
    return post


# --- Policy changes ------------------------------------------------------------------------

# Posts still on their way: a new policy applies to them (published ones keep the verdict
# they went out with).
REASSESSED_STATES = frozenset({PostState.DRAFT, PostState.CHANGES_REQUESTED, PostState.IN_REVIEW})


def post_reassess(*, post: Post, by=None, reason: str = "") -> Revision | None:
    """Check an open post again under the policy now in force.

    Nothing is recorded when its tier is unchanged. A draft (or a post with changes
    requested) whose tier changed gets a new revision carrying the new assessment. A post
    in review whose tier rises gets a new revision too, so it goes back to review and
    needs the approvals of its new tier (earlier approvals belong to the old revision); if
    it is now blocked it returns to draft. A post in review whose tier falls is left alone:
    its reviewers carry on. ``reason`` (which rule changed) is recorded for the author.
    """
    with transaction.atomic():
        post = _lock(post)
        old = post.current_revision
        if post.state not in REASSESSED_STATES or old is None:
            return None
        checked = assess_for(text=old.text, account=post.account, author_id=post.author_id, at=post.scheduled_for)
        new_tier = checked.assessment.tier
        if new_tier == old.tier:
            return None
        rose = Tier(new_tier).rank > Tier(old.tier).rank
        if post.state == PostState.IN_REVIEW and not rose:
            return None
        revision = _new_revision(post, old.text, None, checked=checked)
        rules, explanation = explain_tier_change(
            old.findings + old.escalations, revision.findings + revision.escalations, old_tier=old.tier,
            new_tier=revision.tier, version_number=revision.policy_number,
            messages={f["rule"]: f["message"] for f in revision.findings + old.findings + revision.escalations if f.get("rule")},
        )
        was = post.state
        if was == PostState.IN_REVIEW and new_tier == Tier.BLOCK:
            post.state = PostState.DRAFT
        post.save()
        post_audit(post, None, "reassessed", revision, was=was, state=post.state, tier=revision.tier,
                   previous_tier=old.tier, rules=rules,
                   message=f"{reason} {explanation}".strip(), activated_by=str(by) if by else "")
    return revision
