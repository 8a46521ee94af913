"""A throw-away newsroom for the MT tests: pressflow.toml, glossary and hand-written PO files.

PO files are written as text here (not through pressflow) so that the tests start from exactly
what a translator's tool would leave on disk.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pressflow.config import Config, load_config
from pressflow.model import CatalogRef

GLOSSARY = "ky\tru\ten\tnote\nЖӨБ\tОМСУ\tLSG\t\nФорум\tФорум\tForum\t\n"

HEADER = """msgid ""
msgstr ""
"Project-Id-Version: test 1.0\\n"
"Report-Msgid-Bugs-To: \\n"
"POT-Creation-Date: 2018-07-03 09:29+0000\\n"
"PO-Revision-Date: 2018-07-03 09:29+0000\\n"
"Last-Translator: test\\n"
"Language-Team: test\\n"
"Language: {lang}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"""


@dataclass(frozen=True)
class Entry:
    msgid: str
    msgstr: str = ""
    fuzzy: bool = False
    obsolete: bool = False
    comment: str = ""


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def po_text(lang: str, entries: Iterable[Entry | str], *, release: str = "a") -> str:
    blocks = [HEADER.format(lang=lang)]
    for n, item in enumerate(entries, start=1):
        entry = Entry(item) if isinstance(item, str) else item
        lines = []
        if entry.comment:
            lines.append(f"# {entry.comment}")
        if entry.obsolete:
            lines.append(f"#~ msgid {_quote(entry.msgid)}")
            lines.append(f"#~ msgstr {_quote(entry.msgstr)}")
        else:
            lines.append(f"#: releases/{release}.txt:{n}")
            if entry.fuzzy:
                lines.append("#, fuzzy")
            lines.append(f"msgid {_quote(entry.msgid)}")
            lines.append(f"msgstr {_quote(entry.msgstr)}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def make_newsroom(
    root: Path,
    *,
    url: str = "",
    engine: str = "google",
    timeout: float = 2.0,
    retries: int = 1,
    concurrency: int = 4,
    rate: float = 0,
    batch: int = 5,
    breaker: int = 4,
    backoff: float = 0.05,
    threshold: float = 0.75,
    exact_fuzzy: bool = True,
) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "glossary.tsv").write_text(GLOSSARY, encoding="utf-8")
    (root / "pressflow.toml").write_text(
        f"""[project]
source_lang = "ky"
target_langs = ["ru", "en"]

[mt]
engine = "{engine}"
url = "{url}"
timeout = {timeout}
retries = {retries}
concurrency = {concurrency}
rate = {rate}
batch = {batch}
breaker = {breaker}
backoff = {backoff}
max_backoff = 5

[tm]
threshold = {threshold}
exact_fuzzy = {str(exact_fuzzy).lower()}
""",
        encoding="utf-8",
    )
    return root


def write_catalog(
    root: Path, lang: str, release: str, entries: Sequence[Entry | str]
) -> CatalogRef:
    path = root / "translations" / lang / f"{release}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(po_text(lang, entries, release=release), encoding="utf-8")
    return CatalogRef(release, lang, str(path), f"releases/{release}.txt")


def config(root: Path) -> Config:
    return load_config(root)
