from __future__ import annotations


def membership(request):
    current = getattr(request, "membership", None)
    others = []
    if current is not None:
        others = [
            m.organisation
            for m in request.user.memberships.select_related("organisation").exclude(pk=current.pk)
        ]
    return {"membership": current, "organisation": getattr(request, "organisation", None), "other_organisations": others}
