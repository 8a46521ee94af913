"""The XSS corpus (tests/data/xss-vectors.txt) and the newsrooms that carry it through every entry
point of pressflow: an HTML release, raw HTML in Markdown, a msgstr, front matter values,
pressflow.toml values and a template. No tests here; tests/test_xss.py uses them."""

from __future__ import annotations

import base64
import codecs
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
import nh3

from pressflow import pipeline
from pressflow.config import Config, load_config
from pressflow.errors import PressflowError, TemplateError
from pressflow.po import catalog
from pressflow.readers.html import parse_html
from pressflow.render.sanitize import NOT_TEXT
from pressflow.render.template import load_template

CORPUS = Path(__file__).resolve().parent / "data" / "xss-vectors.txt"
CANARY = "CANARY"
_ENCODED = re.compile(r"\{\{(dec|decnosemi|decpad|hex|url|b64):(.*?)\}\}")
_ENCODERS = {
    "dec": lambda s: "".join(f"&#{ord(c)};" for c in s),
    "decnosemi": lambda s: "".join(f"&#{ord(c)}" for c in s),
    "decpad": lambda s: "".join(f"&#{ord(c):07d}" for c in s),
    "hex": lambda s: "".join(f"&#x{ord(c):02X};" for c in s),
    "url": lambda s: "".join(f"%{b:02X}" for b in s.encode()),
    "b64": lambda s: base64.b64encode(s.encode()).decode(),
}


@dataclass(frozen=True)
class Vector:
    """One payload: its number (its canary calls ``xss(number)``) and its text."""

    number: int
    text: str
    line: int


def load_vectors(path: Path = CORPUS) -> list[Vector]:
    """Every vector of the corpus, canary and encodings applied."""
    out: list[Vector] = []
    for line_no, line in enumerate(path.read_text("ascii").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        number = len(out) + 1
        text = codecs.decode(line, "unicode_escape")
        text = text.replace(CANARY, f"xss({number})").replace("{N}", str(number))
        text = _ENCODED.sub(lambda m: _ENCODERS[m.group(1)](m.group(2)), text)
        out.append(Vector(number, text, line_no))
    return out


def toml_str(value: str) -> str:
    """A TOML basic string holding ``value`` exactly (controls and DEL as escapes)."""
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def yaml_str(value: str) -> str:
    """A YAML double-quoted scalar holding ``value`` (JSON's escapes are YAML's)."""
    return json.dumps(value)


# ----------------------------------------------------------------------------------- batches

#: Vectors that change how whatever follows them is parsed (an open form, a base URL, a meta
#: refresh, the body's own attributes) even when their markup is closed.
_STATEFUL = re.compile(r"<(form|base|meta|body|frameset|plaintext|isindex|html|head)\b", re.I)
_PROBE = '<div><p id="probe">z</p></div>'
_STRUCTURE = nh3.Cleaner(
    tags={"div", "p"}, attributes={"p": {"id"}}, clean_content_tags=set(NOT_TEXT)
)


def self_contained(text: str) -> bool:
    """True when markup after ``<div>text</div>`` parses as if the vector were not there, both
    for a browser's parser (html5ever, in nh3) and for lxml: then vectors can share a page."""
    if _STATEFUL.search(text):
        return False
    if not _STRUCTURE.clean(f"<div>{text}</div>{_PROBE}").endswith(_PROBE):
        return False
    body = parse_html(f"<!DOCTYPE html><html><body><div>{text}</div>{_PROBE}</body></html>")[-1]
    last = body[-1] if len(body) else None
    return (
        last is not None
        and lxml.html.tostring(last, encoding="unicode", with_tail=False) == _PROBE
        and not (last.tail or "").strip()
    )


@dataclass(frozen=True)
class Batch:
    """Vectors that share a page: self-contained ones first, at most one other, last."""

    number: int
    vectors: tuple[Vector, ...]

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(v.number for v in self.vectors)

    def html(self) -> str:
        return "\n".join(f"<div>{v.text}</div>" for v in self.vectors)

    def raw(self) -> str:
        return "\n".join(v.text for v in self.vectors)

    def markdown(self) -> str:
        return "\n\n".join(v.text for v in self.vectors)


def batches(vectors: list[Vector], *, size: int = 8) -> list[Batch]:
    """Vectors grouped so that none can neutralize another by changing the parser's state."""
    alone = [v for v in vectors if not self_contained(v.text)]
    shared = [v for v in vectors if self_contained(v.text)]
    count = max(len(alone), -(-len(vectors) // size))
    groups: list[list[Vector]] = [[] for _ in range(count)]
    for i, v in enumerate(shared):
        groups[i % count].append(v)
    for i, v in enumerate(alone):
        groups[i].append(v)
    return [Batch(i + 1, tuple(g)) for i, g in enumerate(groups)]


# ---------------------------------------------------------------------------- the newsrooms


@dataclass(frozen=True)
class Page:
    """A built page to load, the entry point and the vectors it carries."""

    entry: str
    path: Path
    vectors: tuple[int, ...]


@dataclass
class Built:
    """What the newsrooms published, and what pressflow refused (one-line errors, exit 2)."""

    pages: list[Page] = field(default_factory=list)
    refused: list[tuple[str, tuple[int, ...], str]] = field(default_factory=list)

    def vectors_through(self, entry: str) -> set[int]:
        """Vectors that reached a page, or a clean refusal, through ``entry``."""
        found = {n for p in self.pages if p.entry == entry for n in p.vectors}
        return found | {n for e, numbers, _ in self.refused if e == entry for n in numbers}


CONFIG = """[project]
name = "xss"
source_lang = "ky"
target_langs = ["ru"]

[site]
threshold = 100
block_on = "none"
{site}
"""
PARAGRAPH = "Бишкекте жаштар форуму өттү жана көп адам келди."
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def html_release(body: str, number: int, *, head: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="ky"><head><meta charset="utf-8">'
        f"<title>Сынак {number}</title>{head}</head>\n<body>\n<h1>Сынак {number}</h1>\n"
        f'<p>{PARAGRAPH} <a href="https://kabar.kg/">Шилтеме</a>.</p>\n'
        f"{body}\n<p>Форумга жүз адам катышты.</p>\n</body></html>\n"
    )


def markdown_release(body: str, number: int) -> str:
    return (
        f"---\ntitle: Сынак {number}\ndate: 2024-05-14 10:30\n---\n\n{PARAGRAPH}\n\n"
        f"{body}\n\nФорумга жүз адам катышты.\n"
    )


def front_matter_release(value: str) -> str:
    quoted = yaml_str(value)
    return (
        f"---\ntitle: {quoted}\nsummary: {quoted}\ncontact: {quoted}\ntags: [{quoted}]\n"
        f"date: 2024-05-14 10:30\n---\n\n{PARAGRAPH}\n"
    )


def msgstr_releases(count: int) -> dict[str, str]:
    """One unit per vector: a plain-text release, and an HTML one whose units hold a link
    (a placeholder) and whose images have an ``alt`` unit each."""
    text = "Сынак котормо\n\n" + "\n\n".join(f"Абзац {n} бүгүн өттү." for n in range(count))
    paragraphs = "".join(
        f'<p>Абзац {n} <a href="https://kabar.kg/{n}">шилтеме</a> өттү.'
        f'<img src="/i{n}.png" alt="Сүрөт {n} залда"></p>\n'
        for n in range(count)
    )
    html = (
        "<!DOCTYPE html>\n<html><head><title>Сынак</title></head><body>"
        f"<h1>Сынак HTML</h1>\n{paragraphs}</body></html>\n"
    )
    return {"t-msgstr.txt": text + "\n", "h-msgstr.html": html}


def main_newsroom(root: Path, vectors: list[Vector], groups: list[Batch], built: Built) -> None:
    """HTML releases (body and head), Markdown bodies, front matter and msgstr in one newsroom:
    ``update``, translate into ru, ``build``."""
    releases = root / "releases"
    releases.mkdir(parents=True)
    (root / "pressflow.toml").write_text(CONFIG.format(site=""), encoding="utf-8")
    entries: dict[str, tuple[str, tuple[int, ...]]] = {}

    def add(name: str, text: str, entry: str, numbers: tuple[int, ...]) -> None:
        (releases / name).write_text(text, encoding="utf-8")
        entries[Path(name).stem] = (entry, numbers)

    for b in groups:
        files = [v for v in b.vectors if "\0" not in v.text]  # a NUL: refused as a binary file
        whole = Batch(b.number, tuple(files))
        for name, part in [("", whole)] + [
            (f"n{v.number:03d}", Batch(b.number, (v,))) for v in b.vectors if v not in files
        ]:
            tag = name or f"{b.number:03d}"
            add(f"h-{tag}.html", html_release(part.html(), b.number), "html release", part.numbers)
            head = html_release("", b.number, head=part.raw())
            add(f"d-{tag}.html", head, "html release head", part.numbers)
            add(
                f"m-{tag}.md", markdown_release(part.markdown(), b.number), "markdown", part.numbers
            )
        plain = tuple(v for v in b.vectors if not _CONTROL.search(v.text))
        value = " ".join(v.text for v in plain)
        add(f"f-{b.number:03d}.md", front_matter_release(value), "front matter", b.numbers)
        for v in b.vectors:
            if v not in plain:  # refused by the reader: kept apart so the batch still builds
                add(
                    f"f-c{v.number:03d}.md",
                    front_matter_release(v.text),
                    "front matter",
                    (v.number,),
                )
    for name, text in msgstr_releases(len(vectors)).items():
        (releases / name).write_text(text, encoding="utf-8")
    config = load_config(root)
    for path in sorted(releases.iterdir()):
        try:
            pipeline.segment_file(path, config=config)  # what update reads: refused, or not
        except PressflowError as exc:
            entry, numbers = entries[path.stem]
            built.refused.append((entry, numbers, str(exc)))
            if entry == "html release":  # and so never translated
                built.refused.append((f"{entry}, translated", numbers, str(exc)))
            path.unlink()
    pipeline.update(config)
    _translate(config, vectors)
    pipeline.build(config)
    site = config.site_dir
    for slug, (entry, numbers) in sorted(entries.items()):
        for lang in ("ky", "ru"):
            path = site / lang / f"{slug}.html"
            if path.is_file():
                label = entry if lang == "ky" else f"{entry}, translated"
                built.pages.append(Page(label, path, numbers))
    every = tuple(v.number for v in vectors)
    built.pages += [
        Page("msgstr", site / "ru" / "t-msgstr.html", every),
        Page("msgstr", site / "ru" / "h-msgstr.html", every),
        Page("msgstr (index)", site / "ru" / "index.html", every),
        Page("front matter (index)", site / "ky" / "index.html", every),
    ]


def _translate(config: Config, vectors: list[Vector]) -> None:
    """ru, reviewed: HTML releases translated as themselves (their ru pages are rebuilt with the
    placeholders restored); the msgstr releases get one vector per unit."""
    for path in sorted((config.translations_dir / "ru").glob("*.po")):
        po = catalog.read_po(path)
        for entry in po:
            if path.stem in ("t-msgstr", "h-msgstr"):
                # a NUL byte makes a file binary: pressflow refuses such a catalog (exit 2)
                entry.msgstr = _vector_for(entry.msgid, vectors).replace("\0", "")
            elif path.stem.startswith("h-"):
                entry.msgstr = entry.msgid
            else:
                continue
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        catalog.write_po(po, path)


def _vector_for(msgid: str, vectors: list[Vector]) -> str:
    found = re.match(r"(Абзац|Сүрөт) (\d+)", msgid)
    if found is None:
        return vectors[0].text  # the titles
    text = vectors[int(found.group(2))].text
    return text + " <1>шилтеме</1>" if "<1>" in msgid else text


def _small_newsroom(root: Path, site: str) -> Config:
    releases = root / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    (releases / "r.md").write_text(markdown_release("Жөнөкөй текст.", 0), encoding="utf-8")
    (root / "pressflow.toml").write_text(CONFIG.format(site=site), encoding="utf-8")
    return load_config(root)


def config_builds(root: Path, vectors: list[Vector], groups: list[Batch], built: Built) -> None:
    """A small newsroom built once per batch with the batch in [site] title and publisher
    and its first vector in publisher_url and base_url; then once per vector that is a bare
    URL, in publisher_url and base_url."""
    settings = [(b.numbers, b.raw().replace("\n", " "), b.vectors[0].text) for b in groups]
    settings += [
        ((v.number,), "Сынак", v.text) for v in vectors if not v.text.strip().startswith("<")
    ]
    for i, (numbers, text, url) in enumerate(settings):
        site = "\n".join(
            f"{key} = {toml_str(value)}"
            for key, value in (
                ("title", text),
                ("publisher", text),
                ("publisher_url", url),
                ("base_url", url),
            )
        )
        out = root / f"site-{i:03d}"
        try:
            pipeline.build(_small_newsroom(root, site), out=out)
        except PressflowError as exc:
            built.refused.append(("pressflow.toml", numbers, str(exc)))
            continue
        built.pages += [Page("pressflow.toml", out / "index.html", numbers)]
        built.pages += [Page("pressflow.toml", out / "ky" / "r.html", numbers)]


TEMPLATE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>t</title>
<link rel="stylesheet" href="/assets/site.css">
{head}
</head>
<body class="newsroom"><nav data-pressflow="switcher"></nav>
<h1 data-pressflow="title">Title</h1>
<main data-pressflow="body"><p>sample</p></main>
<footer>{body}</footer>
</body></html>
"""


def template_builds(root: Path, groups: list[Batch], built: Built) -> None:
    """A small newsroom built with a template holding a batch in its body, and with one holding
    it in its head. A vector that makes its template refused is built alone, so that it does
    not keep the others of its batch from being published."""
    config = _small_newsroom(root, 'template = "page.html"')
    layouts = {
        "body": lambda b: TEMPLATE.format(head="", body=b.html()),
        "head": lambda b: TEMPLATE.format(head=b.raw(), body=""),
    }
    for where, layout in layouts.items():
        entry = f"template {where}"
        for b in groups:
            kept = []
            for v in b.vectors:  # a vector whose template is refused alone: no build needed
                error = _template_error(root, layout(Batch(b.number, (v,))))
                if error is None:
                    kept.append(v)
                else:
                    built.refused.append((entry, (v.number,), error))
            parts = [Batch(b.number, tuple(kept))] if kept else []
            while parts:  # refused together: halves, until every vector is built
                part = parts.pop()
                if _build_with(config, root, layout(part), entry, part, built):
                    continue
                assert len(part.vectors) > 1, f"template refused only in a build: {part}"
                half = len(part.vectors) // 2
                parts += [
                    Batch(b.number, part.vectors[:half]),
                    Batch(b.number, part.vectors[half:]),
                ]


def _build_with(
    config: Config, root: Path, template: str, entry: str, batch: Batch, built: Built
) -> bool:
    """Build the small newsroom with this template; False if pressflow refused the template."""
    (root / "page.html").write_text(template, encoding="utf-8")
    out = root / f"site-{entry.split()[-1]}-{batch.number:03d}-{batch.vectors[0].number:03d}"
    try:
        pipeline.build(config, out=out)
    except TemplateError:
        return False
    built.pages.append(Page(entry, out / "ky" / "r.html", batch.numbers))
    return True


def _template_error(root: Path, text: str) -> str | None:
    """The one-line error ``build`` would give for this template, or None (pressflow's own
    template loader, without building a site)."""
    path = root / "probe.html"
    path.write_text(text, encoding="utf-8")
    try:
        load_template(path, shown="page.html")
    except PressflowError as exc:
        return str(exc)
    return None


def control_pages(root: Path, groups: list[Batch]) -> list[Page]:
    """The same batches written raw into pages, not through pressflow: what the browser test
    must see fire, to show that it would notice a vector that ran."""
    root.mkdir(parents=True)
    pages = []
    for b in groups:
        path = root / f"c-{b.number:03d}.html"
        path.write_text(f"<!DOCTYPE html>\n<title>c</title>\n{b.html()}\n", encoding="utf-8")
        pages.append(Page("control (raw, not pressflow)", path, b.numbers))
    return pages
