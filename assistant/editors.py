"""Who may change the library: editors, each a name and a secret token, from the settings (never the repo).

Reading needs nothing; adding, replacing, removing and restoring need a token that names an editor. Tokens
are compared in constant time, and tokens shorter than `library.min_token_chars` are ignored (with a
warning), so a placeholder such as "changeme" never opens the library.
"""
from __future__ import annotations

import hmac
import logging
from dataclasses import dataclass

from indexing.config import LibrarySettings

log = logging.getLogger(__name__)

NOT_AN_EDITOR = ("Only an editor can change the library: sign in with an editor token "
                 "(nothing was changed).")


class NotAllowed(PermissionError):
    """The caller is not an editor; the message says so and that nothing changed."""


@dataclass(frozen=True)
class Editor:
    name: str


class Editors:
    def __init__(self, settings: LibrarySettings):
        self._tokens: dict[str, str] = {}
        for name, token in settings.editors.items():
            if len(token) < settings.min_token_chars:
                log.warning("editor %r ignored: a token needs at least %d characters", name, settings.min_token_chars)
                continue
            self._tokens[name] = token

    @property
    def configured(self) -> bool:
        return bool(self._tokens)

    def who(self, token: str | None) -> Editor | None:
        """The editor this token names, or None."""
        token = (token or "").strip()
        if not token:
            return None
        found = None
        for name, secret in self._tokens.items():  # every token compared: the time says nothing about which
            if hmac.compare_digest(token.encode(), secret.encode()):
                found = name
        return Editor(found) if found else None

    def require(self, token: str | None) -> Editor:
        editor = self.who(token)
        if editor is None:
            raise NotAllowed(NOT_AN_EDITOR)
        return editor
