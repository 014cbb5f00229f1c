"""Per-site WeChat secrets (token, AES key, AppSecret), sealed at rest.

Sealed with Fernet (AES-128-CBC + HMAC-SHA256) under a key derived from SECRET_KEY by
HKDF-SHA256, so a copy of the database (a backup, a dump handed to support) does not carry
usable credentials, and no second key has to be managed: the hosts already share
SECRET_KEY. Rotating SECRET_KEY means entering the sites' secrets again (or using the
environment's WECHAT_* values, which every site without its own falls back to).
"""
from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_INFO = b"servicedesk site wechat secrets v1"


@dataclass(frozen=True)
class WeChatCredentials:
    """One site's Official Account: its own values, else the environment's."""

    token: Optional[str]
    aes_key: Optional[str]
    appid: Optional[str]
    secret: Optional[str]
    account: Optional[str]  # the account's original id (gh_…): ToUserName is checked when set

    @property
    def can_receive(self) -> bool:
        return bool(self.token)

    @property
    def can_send(self) -> bool:
        return bool(self.appid and self.secret)


@lru_cache(maxsize=8)
def _fernet(secret_key: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(secret_key.encode("utf-8"))
    return Fernet(base64.urlsafe_b64encode(key))


def seal(secret_key: str, value: Optional[str]) -> Optional[str]:
    value = (value or "").strip()
    return _fernet(secret_key).encrypt(value.encode("utf-8")).decode("ascii") if value else None


@lru_cache(maxsize=256)
def unseal(secret_key: str, sealed: Optional[str]) -> Optional[str]:
    """The value, or None when nothing is stored. A value sealed under another SECRET_KEY
    raises ValueError (saying so), never a half-decrypted secret."""
    if not sealed:
        return None
    try:
        return _fernet(secret_key).decrypt(sealed.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError) as exc:
        raise ValueError("a site's WeChat secret was sealed under another SECRET_KEY: enter it again") from exc


def credentials(config: Mapping, *, token_sealed=None, aes_key_sealed=None, secret_sealed=None,
                appid=None, account=None) -> WeChatCredentials:
    key = config["SECRET_KEY"]
    return WeChatCredentials(
        token=unseal(key, token_sealed) or config.get("WECHAT_TOKEN") or None,
        aes_key=unseal(key, aes_key_sealed) or config.get("WECHAT_AES_KEY") or None,
        appid=appid or config.get("WECHAT_APPID") or None,
        secret=unseal(key, secret_sealed) or config.get("WECHAT_SECRET") or None,
        account=account or config.get("WECHAT_ACCOUNT") or None,
    )
