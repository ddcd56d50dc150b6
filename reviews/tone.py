"""Kindness by design: the tone check, run on a private note or flag before it is sent.

A harsh note gets a gentle suggestion, never a refusal: the sender can still send it.
The check is looked up by name so this works whether or not ``policies.checks.tone``
is installed (without it, every note is simply sent).
"""

from __future__ import annotations

from policies.checks.base import CheckContext, Severity
from policies.engine.normalise import normalise
from policies.engine.registry import resolve
from policies.models import Organisation
from policies.selectors import active_policy_for

# A note is a word between colleagues, not a post: even a LOW tone finding ("stupid",
# a hostile-sounding classifier score) is worth a second look before it lands.
SUGGEST_FROM = Severity.LOW

GENTLE_SUGGESTION = (
    "This might land harder than you mean it to. Notes work best when they say what you "
    "noticed and suggest a fix, e.g. “Could we leave out the clinic time? It might let "
    "him recognise himself.” You can change it, or send it as it is."
)


def tone_concerns(text: str, organisation: Organisation) -> list[dict]:
    """What the tone check would gently question in ``text``: a list of
    ``{"start", "end", "words", "message", "severity"}`` with spans into ``text``."""
    run = resolve("tone")
    if run is None or not text.strip():
        return []
    normalised = normalise(text)
    _, policy = active_policy_for(organisation)
    context = CheckContext(text=normalised.text, original=text, org_kind=organisation.kind,
                           settings=policy.settings_for("tone"), policy=policy)
    concerns = []
    for finding in run(context):
        if finding.severity < SUGGEST_FROM:
            continue
        start, end = normalised.to_original(finding.start, finding.end)
        concerns.append({"start": start, "end": end, "words": text[start:end], "message": finding.message,
                         "severity": finding.severity.label})
    return sorted(concerns, key=lambda c: c["start"])
