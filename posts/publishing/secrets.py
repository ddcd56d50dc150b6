"""Credentials at rest: Fernet tokens made with ``CREDENTIALS_KEY`` from the environment.

``CREDENTIALS_KEY`` may hold several comma-separated keys: the first encrypts, all
decrypt, so a key can be rotated without reconnecting every account. With no key set a
development key derived from SECRET_KEY is used, but only under DEBUG.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class UnreadableSecret(Exception):
    """The stored credential cannot be decrypted with the keys configured now."""


def _fernet() -> MultiFernet:
    keys = [k.strip() for k in (getattr(settings, "CREDENTIALS_KEY", "") or "").split(",") if k.strip()]
    if not keys:
        if not settings.DEBUG:
            raise ImproperlyConfigured(
                "CREDENTIALS_KEY must be set to store network credentials "
                "(make one with: python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')."
            )
        digest = hashlib.sha256(b"countersign-dev-credentials:" + settings.SECRET_KEY.encode()).digest()
        keys = [base64.urlsafe_b64encode(digest).decode()]
    try:
        return MultiFernet([Fernet(k) for k in keys])
    except ValueError as exc:
        raise ImproperlyConfigured(f"CREDENTIALS_KEY is not a valid Fernet key: {exc}") from None


def seal(plain: str) -> str:
    return _fernet().encrypt(plain.encode()).decode()


def unseal(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        raise UnreadableSecret("The stored credential cannot be read with the configured key. Reconnect the account.") from None
