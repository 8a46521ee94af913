"""One distinct source text of one language on its way through MT: the text with its markers
protected, cut into pieces the engine accepts, and the replies as they arrive."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..glossary import Glossary
from .fill import CatalogFile
from .protect import Piece, Protected, protect, restore, split_for_limit


@dataclass
class Unit:
    lang: str
    msgid: str
    protected: Protected
    pieces: list[Piece]
    lead: str
    trail: str
    replies: list[str | None] = field(default_factory=list)
    missing: int = 0
    open: bool = True
    targets: list[CatalogFile] = field(default_factory=list)

    @classmethod
    def of(cls, lang: str, msgid: str, *, glossary: Glossary, fits: Callable[[str], bool]) -> Unit:
        """The unit for ``msgid``: its outer white space kept aside (engines drop it), names,
        numbers and glossary terms protected, and cut to the engine's limit (``fits``)."""
        core = msgid.strip()
        lead, trail = msgid[: len(msgid) - len(msgid.lstrip())], msgid[len(msgid.rstrip()) :]
        protected = protect(core, lang=lang, glossary=glossary)
        pieces = split_for_limit(protected.text, fits) if protected.translatable else []
        return cls(lang, msgid, protected, pieces, lead, trail, [None] * len(pieces), len(pieces))

    def text(self) -> str:
        """The translation the replies make, markers restored (raises LostMarker)."""
        pairs = zip(self.replies, self.pieces, strict=True)
        joined = "".join((reply or "") + piece.space for reply, piece in pairs)
        return self.lead + restore(joined, self.protected) + self.trail
