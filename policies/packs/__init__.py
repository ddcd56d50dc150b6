"""Starter policies, one per kind of organisation, with labelled example posts.

``policies/packs/<kind>.yaml`` holds the policy; ``policies/packs/examples/<kind>.jsonl``
holds more labelled examples (one JSON object per line with ``text`` and ``tier``), which
are appended to the pack's own. :func:`load_pack` validates the result, so a pack that
does not validate fails loudly, naming the file, the rule and the field.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

PACK_KINDS = ("council", "law_firm", "therapy", "bank", "charity", "police", "nhs", "retail")
PACKS_DIR = Path(__file__).resolve().parent
EXAMPLE_FIELDS = ("id", "text", "tier", "platform", "at", "why", "checks", "risky")


class UnknownPack(ValueError):
    """No starter pack for this kind of organisation."""


def _examples_file(kind: str) -> list[dict[str, Any]]:
    path = PACKS_DIR / "examples" / f"{kind}.jsonl"
    if not path.exists():
        return []
    examples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        from policies.engine.errors import PolicyError, PolicyProblem

        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise PolicyError([PolicyProblem(f"{path.name} line {number}", "line", f"not JSON: {error}")]) from None
        examples.append({key: row[key] for key in EXAMPLE_FIELDS if key in row})
    return examples


@cache
def _load(kind: str) -> dict[str, Any]:
    import yaml

    from policies.engine.errors import PolicyError, PolicyProblem
    from policies.engine.schema import validate_document

    if kind not in PACK_KINDS:
        raise UnknownPack(f"no starter pack for {kind!r}: use one of {', '.join(PACK_KINDS)}")
    path = PACKS_DIR / f"{kind}.yaml"
    try:
        # libyaml's loader where PyYAML was built with it (the wheels are): the same
        # documents, read about ten times faster, which is most of loading eight packs.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        raise PolicyError([PolicyProblem(path.name, "document", f"not valid YAML: {error}")]) from None
    if not isinstance(document, dict):
        raise PolicyError([PolicyProblem(path.name, "document", "the pack file must hold a mapping")])
    document["examples"] = list(document.get("examples") or []) + _examples_file(kind)
    # YAML reads 2027-03-25 as a date; the document is stored in a JSONField, so keep it JSON
    document = json.loads(json.dumps(document, default=str))
    try:
        validate_document(document)
    except PolicyError as error:
        raise PolicyError([type(p)(f"{path.name}: {p.where}", p.field, p.message) for p in error.errors]) from None
    return document


def load_pack(kind: str) -> dict[str, Any]:
    """The validated starter policy for ``kind``, examples included (a fresh copy)."""
    return copy.deepcopy(_load(kind))
