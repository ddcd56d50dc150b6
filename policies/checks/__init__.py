"""The checks: each module exposes one documented function ``run(ctx) -> list[Finding]``.

Checks are pure: they read the text and the context handed to them and never touch the
database, the request or the network.
"""
