from __future__ import annotations

from reviews.selectors import waiting_count_for


def review_counts(request):
    member = getattr(request, "membership", None)
    if member is None:
        return {}
    return {"review_waiting": waiting_count_for(member)}
