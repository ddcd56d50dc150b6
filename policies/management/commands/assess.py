"""``manage.py assess``: assess drafts from a file or stdin, one JSON line out per draft.

    python manage.py assess [--pack KIND | --org SLUG --account HANDLE] [--skip-bad] FILE|-

Input: JSON lines ``{"id", "text", "platform"?, "org_kind"?}`` or plain text lines.
Output: ``{"id", "tier", "auto_approved", "findings": [...]}`` per draft, nothing else on
stdout. A malformed line stops with its line number on stderr and exit status 2, unless
``--skip-bad`` (then it is reported on stderr and skipped).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from policies.checks.base import AccountContext

EXIT_BAD_INPUT = 2


class BadLine(ValueError):
    """A line of input that is neither a JSON draft nor plain text."""

    def __init__(self, number: int, reason: str) -> None:
        self.number = number
        super().__init__(f"line {number}: {reason}")


@dataclass(frozen=True, slots=True)
class Draft:
    id: Any
    text: str
    platform: str
    org_kind: str


def parse_line(number: int, line: str) -> Draft | None:
    """One input line as a draft; None for a blank line; BadLine when malformed."""
    stripped = line.strip()
    if not stripped:
        return None
    if stripped.startswith("["):
        # "[Update] Bins..." is plain text; a JSON array is a mistake in a JSON-lines file
        try:
            json.loads(stripped)
        except json.JSONDecodeError:
            pass
        else:
            raise BadLine(number, "a JSON line must be an object with a \"text\" field")
    if not stripped.startswith("{"):
        return Draft(id=number, text=line.rstrip("\r\n"), platform="", org_kind="")
    try:
        row = json.loads(stripped)
    except json.JSONDecodeError as error:
        raise BadLine(number, f"not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(row, dict):
        raise BadLine(number, "a JSON line must be an object with a \"text\" field")
    text = row.get("text")
    if not isinstance(text, str):
        raise BadLine(number, "the \"text\" field is missing or is not a string")
    for key in ("platform", "org_kind"):
        if key in row and not isinstance(row[key], str):
            raise BadLine(number, f"the \"{key}\" field must be a string")
    return Draft(
        id=row.get("id", number),
        text=text,
        platform=row.get("platform") or "",
        org_kind=row.get("org_kind") or "",
    )


# (draft) -> (account, policy or None, org_kind): how each draft is assessed
PolicyChooser = Callable[[Draft], tuple[AccountContext, Any, str]]


def pack_chooser(pack: str | None) -> PolicyChooser:
    """Each draft under a starter pack: ``pack``, else the line's org_kind, else council."""

    def choose(draft: Draft) -> tuple[AccountContext, Any, str]:
        kind = pack or draft.org_kind or "council"
        return AccountContext(network=(draft.platform or "other").lower(), handle=""), None, kind

    return choose


def assess_stream(lines: Iterable[str], out: IO[str], err: IO[str], *, choose: PolicyChooser, skip_bad: bool) -> int:
    """Assess every line; return the exit status (0, or 2 at the first malformed line)."""
    from policies.engine import assess

    status = 0
    for number, line in enumerate(lines, start=1):
        try:
            draft = parse_line(number, line)
        except BadLine as error:
            err.write(f"assess: {error}\n")
            if skip_bad:
                continue
            return EXIT_BAD_INPUT
        if draft is None:
            continue
        account, policy, kind = choose(draft)
        assessment = assess(draft.text, account=account, policy=policy, org_kind=kind)
        record = {
            "id": draft.id,
            "tier": assessment.tier.value,
            "auto_approved": assessment.auto_approved,
            "findings": [finding.as_dict() for finding in assessment.findings],
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return status


class Command(BaseCommand):
    help = "Assess drafts (JSON lines or plain text) against a starter pack or an organisation's active policy."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", help="a file of JSON lines or plain text lines, or - for stdin")
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--pack", help="starter pack to use for every line (council, bank, ...)")
        group.add_argument("--org", help="organisation slug: use its active policy")
        parser.add_argument("--account", help="handle of the organisation's account (with --org)")
        parser.add_argument("--skip-bad", action="store_true", help="skip malformed lines instead of stopping")

    def handle(self, *args: Any, **options: Any) -> None:
        from policies.packs import PACK_KINDS

        if options["pack"] and options["pack"] not in PACK_KINDS:
            raise CommandError(f"unknown pack {options['pack']!r}: use one of {', '.join(PACK_KINDS)}")
        if options["org"]:
            if not options["account"]:
                raise CommandError("--org needs --account HANDLE")
            choose = self._org_chooser(options["org"], options["account"])
        elif options["account"]:
            raise CommandError("--account needs --org SLUG")
        else:
            choose = pack_chooser(options["pack"])
        source = options["source"]
        if source == "-":
            stream: IO[str] = sys.stdin
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(encoding="utf-8", errors="replace")
            status = assess_stream(stream, self.stdout, self.stderr, choose=choose, skip_bad=options["skip_bad"])
        else:
            try:
                with open(source, encoding="utf-8", errors="replace") as handle:
                    status = assess_stream(handle, self.stdout, self.stderr, choose=choose, skip_bad=options["skip_bad"])
            except OSError as error:
                raise CommandError(f"cannot read {source}: {error.strerror}", returncode=EXIT_BAD_INPUT) from None
        if status:
            sys.exit(status)

    def _org_chooser(self, slug: str, handle: str) -> PolicyChooser:
        from policies.engine import compile_policy
        from policies.models import Organisation, SocialAccount

        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise CommandError(f"no organisation with the slug {slug!r}")
        bare = handle.lstrip("@")
        account = (
            SocialAccount.objects.filter(organisation=organisation, handle__iexact=bare).first()
            or SocialAccount.objects.filter(organisation=organisation, handle__iexact=f"@{bare}").first()
        )
        if account is None:
            raise CommandError(f"{organisation.name} has no account {handle!r}")
        version = organisation.active_policy()
        policy = compile_policy(version.document, version=version.number) if version is not None else None
        context = account.context()

        def choose(draft: Draft) -> tuple[AccountContext, Any, str]:
            return context, policy, organisation.kind

        return choose
