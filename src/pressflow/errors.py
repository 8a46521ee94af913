"""Errors that carry the file and line they are about, and the exit code they map to.

Every error a user can cause ends as one line ``path:line: message`` and a documented exit code;
the CLI catches ``PressflowError`` and nothing else, so a traceback always means a bug.
"""

from __future__ import annotations

import os

EXIT_OK = 0
EXIT_FAILED = 1  # a gate or an error-severity check failed
EXIT_BAD_INPUT = 2  # bad input, bad usage, or a file pressflow cannot read


class PressflowError(Exception):
    """Base class: a message about a location (``path`` and 1-based ``line``, both optional)."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        return self.shown()

    def shown(self, base: str | None = None) -> str:
        """``path:line: message``, with the path relative to ``base`` when it lies inside it."""
        where = shown_path(self.path, base) if self.path else ""
        if where and self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


def shown_path(path: str | os.PathLike[str], base: str | None = None) -> str:
    """``path`` as messages show it: relative to ``base`` when inside it, slashes, unchanged
    when relative already or outside ``base`` (an absolute path there is the honest answer)."""
    text = os.fspath(path)
    if base is None or not os.path.isabs(text):
        return text
    try:
        inner = os.path.relpath(text, base)
    except ValueError:  # another drive on Windows
        return text
    if inner == os.pardir or inner.startswith(os.pardir + os.sep):
        return text
    return inner.replace(os.sep, "/")


class ConfigError(PressflowError):
    """pressflow.toml is missing, malformed or holds an unknown value."""


class UsageError(PressflowError):
    """Options that cannot go together, or a command that cannot do what was asked."""


class ReaderError(PressflowError):
    """A release cannot be read: empty, binary, wrong encoding, broken markup or front matter."""


class CatalogError(PressflowError):
    """A PO or POT file is malformed or disagrees with where it lives."""


class SlugError(PressflowError):
    """A slug or output path that would escape its folder or holds control characters."""


class EngineError(PressflowError):
    """An MT engine that is unknown, misconfigured, or cannot translate the language pair."""


class WriteError(PressflowError):
    """A file cannot be written: no permission, a file where a folder should be, disk full."""


class TemplateError(PressflowError):
    """A site template that cannot be parsed or lacks the slots pressflow fills."""


class ChangedOnDisk(PressflowError):
    """A file pressflow was about to replace was saved by someone else since it was read."""


class LockError(PressflowError):
    """Another pressflow command is writing this project and did not finish in time."""
