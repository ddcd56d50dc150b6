"""Building blocks that spot things which could identify a person in a short post.

Each module recognises one family of things (dates and times, ages and figures, names
and organisations, places and addresses, contact details, reference codes, life
circumstances, and the cues that say whether a post is about a client or is a public
notice). They return ``Span``\\ s: offsets into the text, a ``kind`` and a label. The
``identifiers`` and ``customer_privacy`` checks decide how much each span matters.

Everything is compiled or loaded once, lazily, and cached at module level.
"""

from __future__ import annotations

from policies.recognisers.pipeline import find_identifiers
from policies.recognisers.spans import DIRECT_KINDS, QUASI_KINDS, Span

__all__ = ["DIRECT_KINDS", "QUASI_KINDS", "Span", "find_identifiers"]
