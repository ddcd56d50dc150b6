from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from reviews.selectors import waiting_count_for


def review_counts(request):
    """Counts for the navigation, computed once and only if the page shows them, so
    partial htmx responses cost no query."""
    member = getattr(request, "membership", None)
    if member is None:
        return {}
    return {"review_waiting": SimpleLazyObject(lambda: waiting_count_for(member))}
