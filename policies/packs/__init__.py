"""Starter policies per kind of organisation (placeholder until the engine branch lands)."""

from __future__ import annotations

PACK_KINDS = ("council", "law_firm", "therapy", "bank", "charity", "police", "nhs", "retail")


def load_pack(kind: str) -> dict:
    if kind not in PACK_KINDS:
        raise ValueError(f"unknown pack {kind!r}")
    return {"schema": 1, "kind": kind, "rules": []}
