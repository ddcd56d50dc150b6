"""Turn a post's text and findings into safe HTML: every character of user text is
escaped; only our own <mark>/<ins>/<del> tags are added."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SEVERITY_RANK = {"info": 0, "low": 1, "medium": 2, "high": 3, "block": 4}


def highlight(text: str, findings: Sequence[dict], *, min_severity: str = "low",
              quotes: Iterable[tuple[int, int]] = ()) -> SafeString:
    """``text`` with each finding's span wrapped in <mark>, the worst severity winning
    where spans overlap. Findings below ``min_severity`` are not marked."""
    floor = SEVERITY_RANK[min_severity]
    spans = []
    for index, finding in enumerate(findings):
        rank = SEVERITY_RANK.get(finding.get("severity", "info"), 0)
        start, end = int(finding.get("start", 0)), int(finding.get("end", 0))
        if rank >= floor and 0 <= start < end <= len(text):
            spans.append((start, end, rank, index))
    quote_spans = [(s, e) for s, e in quotes if 0 <= s < e <= len(text)]
    cuts = sorted({0, len(text)} | {p for s, e, *_ in spans for p in (s, e)} | {p for s, e in quote_spans for p in (s, e)})
    out = []
    names = {v: k for k, v in SEVERITY_RANK.items()}
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[a:b])
        covering = [(rank, index) for s, e, rank, index in spans if s <= a and b <= e]
        if covering:
            rank = max(r for r, _ in covering)
            ids = " ".join(f"finding-{i}" for _, i in covering)
            piece = f'<mark class="finding sev-{names[rank]}" data-findings="{ids}">{piece}</mark>'
        if any(s <= a and b <= e for s, e in quote_spans):
            piece = f'<mark class="quote">{piece}</mark>'
        out.append(piece)
    return mark_safe("".join(out).replace("\n", "<br>"))  # noqa: S308 - built from escaped pieces


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def word_diff(old: str, new: str) -> SafeString:
    """A word-level diff of two revisions as escaped HTML with <del> and <ins>."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
        if op in {"delete", "replace"}:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in {"insert", "replace"}:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out).replace("\n", "<br>"))  # noqa: S308 - built from escaped pieces


def findings_for_display(text: str, findings: Sequence[dict], *, min_severity: str = "low",
                         escalations: Sequence[dict] = ()) -> list[dict]:
    """Findings worth showing, worst first, each with the words it is about (``quotes``)
    and its position in the original list (``index``, matching highlight's ids).

    Findings that say the same thing (same check, code, severity and message) are shown
    once, with every passage they are about in ``quotes``: four sarcastic phrases are one
    piece of advice, not four identical bullets.

    ``escalations`` (the policy's rules that raised the tier because findings combine,
    as ``{"rule", "tier", "message"}``) come first: a post held at block by a rule must
    say why even when no single finding is a block."""
    floor = SEVERITY_RANK[min_severity]
    raised = [
        {"check": "escalation", "code": e.get("rule", ""), "severity": e["tier"], "message": e.get("message", ""),
         "start": 0, "end": 0, "index": f"escalation-{n}", "quotes": []}
        for n, e in enumerate(escalations) if e.get("tier") in SEVERITY_RANK
    ]
    shown: dict[tuple, dict] = {}
    for index, finding in enumerate(findings):
        if SEVERITY_RANK.get(finding.get("severity"), 0) < floor:
            continue
        start, end = int(finding.get("start", 0)), int(finding.get("end", 0))
        quote = text[start:end][:120] if 0 <= start < end <= len(text) else ""
        key = (finding.get("check"), finding.get("code"), finding.get("severity"), finding.get("message"))
        if key in shown:
            if quote and quote not in shown[key]["quotes"]:
                shown[key]["quotes"].append(quote)
            continue
        shown[key] = {**finding, "index": index, "quotes": [quote] if quote else []}
    return raised + sorted(shown.values(), key=lambda f: (-SEVERITY_RANK[f["severity"]], f["start"]))
