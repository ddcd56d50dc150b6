"""Reads that several apps share."""

from __future__ import annotations

import threading
from collections import OrderedDict

from policies.engine import CompiledPolicy, compile_policy, default_policy
from policies.models import Organisation, PolicyVersion

_compiled_by_version: OrderedDict[int, CompiledPolicy] = OrderedDict()
_active_rows: OrderedDict[int, PolicyVersion] = OrderedDict()
_lock = threading.Lock()
_KEEP = 64


def active_policy_for(organisation: Organisation) -> tuple[PolicyVersion | None, CompiledPolicy]:
    """The organisation's policy version in force and its compiled form.

    ``Organisation.active_version`` says which version is in force (the membership query
    reads it along with the organisation), and active versions never change, so once a
    version has been compiled in this process a keystroke's live check costs no query.
    With no active version the starter pack of the organisation's kind applies.
    """
    version_id = organisation.active_version_id
    if version_id is None:
        return None, default_policy(organisation.kind)
    with _lock:
        known = _active_rows.get(version_id)
    if known is None:
        known = PolicyVersion.objects.only("pk", "number", "organisation_id", "status").get(pk=version_id)
        with _lock:
            _active_rows[version_id] = known
            while len(_active_rows) > _KEEP:
                _active_rows.popitem(last=False)
    return known, compiled_version(known)


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
