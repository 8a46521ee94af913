"""Files that resolve outside the project are refused: a symbolic link to ``/etc/passwd`` or to
another newsroom's catalogs is never read, published or sent to MT."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from .errors import PressflowError
from .files import NOFOLLOW, READ_FLAGS, Snapshot, read_open, read_snapshot


class Confinement:
    """Refuses files that resolve outside the project (a symbolic link to ``/etc/passwd`` or to
    another newsroom's catalogs): such a file is never read, published or sent to MT.

    Checking thousands of files must stay cheap: each folder is resolved once, and only a file
    that is itself a symbolic link is resolved on its own."""

    def __init__(self, root: Path | str):
        self.given = os.path.abspath(root)
        self.root = os.path.realpath(root)
        self._folders: dict[str, bool] = {}

    def _inside(self, real: str) -> bool:
        return real == self.root or real.startswith(self.root.rstrip(os.sep) + os.sep)

    def allows(self, path: Path | str) -> bool:
        text = os.fspath(path)
        if os.path.islink(text):
            return self._inside(os.path.realpath(text))
        return self._folder_inside(text)

    def _folder_inside(self, text: str) -> bool:
        """Whether the folder of the file ``text`` resolves inside the project (resolved once
        per folder)."""
        folder = os.path.dirname(text) or "."
        inside = self._folders.get(folder)
        if inside is None:
            inside = self._folders[folder] = self._inside(os.path.realpath(folder))
        return inside

    def read(
        self, path: Path | str, *, error: type[PressflowError]
    ) -> tuple[bytes | None, Snapshot | None]:
        """``read_snapshot`` of ``path`` once ``check`` allows it: a file that is not a symbolic
        link (most) is opened without following one, which is the check itself; a link is
        checked (resolved) first. OSError as ``read_snapshot`` raises it."""
        text = os.fspath(path)
        if not NOFOLLOW or not self._folder_inside(text):  # (the folder's verdict, first)
            self.check(text, error=error)
            return read_snapshot(text)
        try:
            fd = os.open(text, READ_FLAGS)
        except FileNotFoundError:
            return None, None
        except OSError as exc:
            if exc.errno != errno.ELOOP:  # (ELOOP: a symbolic link, not followed)
                raise
            self.check(text, error=error)
            return read_snapshot(text)
        try:
            return read_open(fd)
        finally:
            os.close(fd)

    def check(self, path: Path | str, *, error: type[PressflowError]) -> None:
        """Raise ``error`` naming ``path`` (as written under the project) when it resolves
        outside the project."""
        if not self.allows(path):
            shown = os.path.relpath(os.path.abspath(path), self.given).replace(os.sep, "/")
            raise error(
                "resolves outside the project (a symbolic link?); refused, nothing read",
                path=shown,
            )
