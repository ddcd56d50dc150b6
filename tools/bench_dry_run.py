"""The dry run's speed: posts per second, and how long 50,000 posts would take (target < 60 s).

Builds a throw-away SQLite database (``$BENCH_DB``, default a temporary file), a council
with its starter pack in force and ``--posts`` posts (default 10,000) whose revisions were
assessed under it, drawn from the labelled drafts in ``tests/data/drafts.jsonl``. Then it
times ``posts.policy_changes.dry_run_execute`` for a draft that adds a banned phrase and
drops a domain rule: the real job, reading the rows from the database, on one core.

    .venv/bin/python tools/bench_dry_run.py [--posts 50000]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET_POSTS, TARGET_SECONDS = 50_000, 60.0


def _setup_django(database: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _populate(count: int):
    from datetime import UTC, datetime

    from policies.engine import assess
    from policies.models import Membership, Role, SocialAccount, User
    from policies.selectors import compiled_version
    from policies.services import organisation_create
    from posts.models import Post, Revision

    admin = User.objects.create_user("bench-admin@example.org", "x", name="Bench Admin")
    organisation = organisation_create(name="Bench Council", kind="council", admin=admin)
    owner = Membership.objects.get(user=admin, organisation=organisation)
    author = User.objects.create_user("bench-author@example.org", "x", name="Bench Author")
    poster = Membership.objects.create(user=author, organisation=organisation, role=Role.AUTHOR)
    account = SocialAccount.objects.create(organisation=organisation, network="linkedin", handle="@BenchCouncil",
                                           display_name="Bench Council", purpose="News", owner=owner)
    account.posters.add(poster)  # otherwise the ownership check blocks every post
    version = organisation.active_policy()
    policy = compiled_version(version)
    texts = [json.loads(line)["text"] for line in (ROOT / "tests" / "data" / "drafts.jsonl").read_text().splitlines()
             if line.strip()]
    moment = datetime.now(UTC)
    assessed = []
    for text in texts:  # each distinct text assessed once for real, as the composer would have
        result = assess(text, account=account.context(), at=moment, policy=policy, author_id=author.pk,
                        org_kind="council")
        assessed.append((text, result.tier.value, [f.as_dict() | {"kind": f.kind, "rule": f.rule}
                                                    for f in result.findings],
                         result.as_dict()["escalations"]))
    posts = Post.objects.bulk_create(
        [Post(organisation=organisation, account=account, author=author) for _ in range(count)], batch_size=2000
    )
    revisions = []
    for n, post in enumerate(posts):
        text, tier, findings, escalations = assessed[n % len(assessed)]
        revisions.append(Revision(post=post, number=1, text=text, created_by=author, tier=tier, findings=findings,
                                  escalations=escalations, policy_version=version, policy_number=version.number))
    Revision.objects.bulk_create(revisions, batch_size=2000)
    for post, revision in zip(posts, revisions, strict=True):
        post.current_revision = revision
    Post.objects.bulk_update(posts, ["current_revision"], batch_size=2000)
    return organisation, owner, len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _setup_django(os.environ.get("BENCH_DB") or str(Path(tmp) / "bench.sqlite3"))
        from policies import services
        from policies.models import PolicyDryRun
        from policies.policy_document import with_rule, without_rule
        from posts.policy_changes import dry_run_execute

        started = time.perf_counter()
        organisation, admin, distinct = _populate(args.posts)
        setup = time.perf_counter() - started
        document = with_rule(organisation.active_policy().document,
                             {"id": "bench-phrase", "kind": "banned_phrase", "terms": ["today", "please"]})
        draft = services.policy_version_create_draft(organisation=organisation, by=admin,
                                                     document=without_rule(document, "trusted-sites"))
        dry_run = PolicyDryRun.objects.create(organisation=organisation, version=draft, days=90, started_by=admin.user)
        started = time.perf_counter()
        dry_run_execute(dry_run.pk)
        elapsed = time.perf_counter() - started
        dry_run.refresh_from_db()
        rate = dry_run.done / elapsed
        projected = TARGET_POSTS / rate
        print(f"dry run: {dry_run.done:,} posts ({distinct} distinct texts) in {elapsed:.2f} s "
              f"= {rate:,.0f} posts/s; setup {setup:.1f} s")
        print(f"dry run: {dry_run.results['up']} up, {dry_run.results['down']} down, "
              f"{dry_run.results['unchanged']} unchanged")
        verdict = "ok" if projected < TARGET_SECONDS else "TOO SLOW"
        print(f"dry run: 50,000 posts would take {projected:.1f} s (target < {TARGET_SECONDS:.0f} s) {verdict}")


if __name__ == "__main__":
    main()
