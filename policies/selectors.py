"""Reads that several apps share."""

from __future__ import annotations

import threading
from collections import OrderedDict

from policies.engine import CompiledPolicy, compile_policy, default_policy
from policies.models import Organisation, PolicyVersion

_compiled_by_version: OrderedDict[int, CompiledPolicy] = OrderedDict()
_lock = threading.Lock()
_KEEP = 64


def active_policy_for(organisation: Organisation) -> tuple[PolicyVersion | None, CompiledPolicy]:
    """The organisation's policy version in force and its compiled form.

    Active versions never change, so the compiled policy is cached per version id and a
    keystroke's live check costs one small query (the version's id), not a recompile.
    With no active version the starter pack of the organisation's kind applies.
    """
    row = (
        PolicyVersion.objects.filter(organisation=organisation, status=PolicyVersion.Status.ACTIVE)
        .only("pk", "number", "organisation_id", "status")
        .first()
    )
    if row is None:
        return None, default_policy(organisation.kind)
    return row, compiled_version(row)


def compiled_version(version: PolicyVersion) -> CompiledPolicy:
    """Compile any version (drafts too: they are keyed by content inside compile_policy)."""
    if version.status == PolicyVersion.Status.DRAFT:
        return compile_policy(PolicyVersion.objects.values_list("document", flat=True).get(pk=version.pk),
                              version=version.number)
    with _lock:
        cached = _compiled_by_version.get(version.pk)
        if cached is not None:
            _compiled_by_version.move_to_end(version.pk)
            return cached
    document = PolicyVersion.objects.values_list("document", flat=True).get(pk=version.pk)
    compiled = compile_policy(document, version=version.number)
    with _lock:
        _compiled_by_version[version.pk] = compiled
        while len(_compiled_by_version) > _KEEP:
            _compiled_by_version.popitem(last=False)
    return compiled
