"""Manual: nobody's API is called. When the post is due, its author (or the account's
owner) posts it by hand and records the link with "Mark as published"."""

from __future__ import annotations

from posts.publishing.base import ManualPublishing, Outgoing, Published


class ManualAdapter:
    name = "manual"

    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass

    def publish(self, outgoing: Outgoing) -> Published:
        raise ManualPublishing("It is time to post this by hand, then record its link here.")

    def find(self, outgoing: Outgoing) -> Published | None:
        return None
