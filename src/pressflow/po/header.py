"""A catalog's header: a new catalog's made from its template's (as msginit makes it), an old
one's merged with a new template (as msgmerge does), and a first catalog written from its
template's text when every entry comes out of a merge as the template shows it (a newsroom's
first update writes thousands: only their headers are made).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import polib

from ..locales import english_name as language_name
from ..locales import plural_forms
from .catalog import POT_HEADER_FIELDS, comment_text, format_header
from .powrap import field_text

#: A PO header is the template's, with Plural-Forms before Generated-By (as msginit writes it).
PO_FIELD_ORDER = (*POT_HEADER_FIELDS[:-1], "Plural-Forms", POT_HEADER_FIELDS[-1])


def merged_header(old: polib.POFile | None, template: polib.POFile, lang: str) -> tuple[str, dict]:
    """The header comment and fields of ``old`` merged with ``template`` (msgmerge's: the
    translator's fields kept, the template's date, ``lang``'s Language and Plural-Forms); with
    no ``old``, a new catalog's."""
    if old is None:
        return new_header(template.header or "", template.metadata, lang)
    created = template.metadata.get("POT-Creation-Date", "")
    forced = {"POT-Creation-Date": created, "Language": lang, "Plural-Forms": plural_forms(lang)}
    defaults = {
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    ordered = dict(old.metadata)
    for key, value in [*forced.items(), *defaults.items()]:
        if key in ordered:
            if key in forced or not ordered[key]:
                ordered[key] = value
        else:
            ordered = _insert(ordered, key, value)
    return old.header or "", ordered


def new_header(comment: str, tmeta: Mapping[str, str], lang: str) -> tuple[str, dict]:
    """A new catalog's header comment and fields, from its template's (as msginit makes them)."""
    created = tmeta.get("POT-Creation-Date", "")
    name, forms = _language(lang)
    values = {
        "Project-Id-Version": tmeta.get("Project-Id-Version", ""),
        "Report-Msgid-Bugs-To": tmeta.get("Report-Msgid-Bugs-To", ""),
        "POT-Creation-Date": created,
        "PO-Revision-Date": created,
        "Last-Translator": "pressflow",
        "Language-Team": name,
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": forms,
        "Generated-By": tmeta.get("Generated-By", "pressflow"),
    }
    return _po_comment(comment, lang), {key: values[key] for key in PO_FIELD_ORDER}


def _po_comment(comment: str, lang: str) -> str:
    """A new catalog's header comment, from its template's."""
    comment = comment.replace("Translation template for", f"{_language(lang)[0]} translation of", 1)
    return comment.replace("; translate the PO files, not this one.", ".")


@lru_cache(maxsize=64)
def _language(lang: str) -> tuple[str, str]:
    """The English name and Plural-Forms of ``lang`` (looked up in CLDR once per run)."""
    return language_name(lang), plural_forms(lang)


def _insert(meta: dict[str, str], key: str, value: str) -> dict[str, str]:
    """Add a missing header field where gettext's field order puts it."""
    rank = PO_FIELD_ORDER.index(key)
    before = [k for k in PO_FIELD_ORDER[:rank] if k in meta]
    out: dict[str, str] = {}
    placed = not before
    if placed:
        out[key] = value
    for k, v in meta.items():
        out[k] = v
        if not placed and k == before[-1]:
            out[key] = value
            placed = True
    if not placed:
        out[key] = value
    return out


def first_catalog(template: polib.POFile, template_text: str, *, lang: str) -> str | None:
    """``format_po(merge(None, template, lang=lang))`` from the template's own text: with no
    catalog yet, every entry comes out as the template shows it (untranslated, same notes and
    flags), so only the header needs formatting. ``None`` when an entry would not (a msgstr, a
    translator comment, a previous msgid, a plural, an obsolete entry): ``merge`` makes it."""
    if not all(map(_as_is, template)):
        return None
    return first_from_text(template.header or "", template.metadata, template_text, lang=lang)


def first_from_text(
    comment: str, fields: Mapping[str, str], template_text: str, *, lang: str
) -> str | None:
    """``first_catalog`` of a template known to hold only entries a first catalog copies as
    they are (pressflow's own: see ``template.Template``), from its header's comment and
    ``fields``. ``None`` for a template without a header: ``merge`` makes it."""
    if not (fields or comment):
        return None
    end = template_text.find("\n\n")  # the header is the first block; none has a blank line
    return _first_header(comment, fields, lang) + (template_text[end:] if end >= 0 else "\n")


def first_from_data(
    comment: str, fields: Mapping[str, str], template_data: bytes, *, lang: str
) -> bytes | None:
    """``first_from_text`` encoded, from the template's bytes (``template_data``, its text as
    written): only the header is made and encoded, the entries after it are the template's
    bytes as they are, not encoded again for each language of each release."""
    if not (fields or comment):
        return None
    end = template_data.find(b"\n\n")  # (the same blank line: UTF-8 never has a 0x0A inside)
    head = _first_header(comment, fields, lang).encode("utf-8")
    return head + (template_data[end:] if end >= 0 else b"\n")


def _first_header(comment: str, fields: Mapping[str, str], lang: str) -> str:
    """``format_header(*new_header(comment, fields, lang))``, from the lines of the fields
    every catalog of a run shares (made once) and of its date, the one a release changes."""
    created = fields.get("POT-Creation-Date", "")
    made = _shared_lines(
        lang,
        fields.get("Project-Id-Version", ""),
        fields.get("Report-Msgid-Bugs-To", ""),
        fields.get("Generated-By", "pressflow"),
    )
    if made is None:  # (a field of its own wraps over several lines: one header at a time)
        return format_header(*new_header(comment, fields, lang))
    before, after = made
    created_line = field_text(f"POT-Creation-Date: {created}\n")
    revised_line = field_text(f"PO-Revision-Date: {created}\n")
    dates = f"{before}\n{created_line}\n{revised_line}\n{after}"
    return f"{comment_text(_po_comment(comment, lang))}\n{dates}" if comment else dates


_DATES = ("POT-Creation-Date", "PO-Revision-Date")


@lru_cache(maxsize=64)
def _shared_lines(lang: str, project: str, bugs: str, generated: str) -> tuple[str, str] | None:
    """A first catalog header's lines before its two dates and after them (each joined), for
    templates with these fields; None when those are not whole lines of their own."""
    fields = {"Project-Id-Version": project, "Report-Msgid-Bugs-To": bugs}
    fields |= {"POT-Creation-Date": "", "Generated-By": generated}
    _, header = new_header("", fields, lang)
    lines = format_header("", header).split("\n")
    dates = [f'"{key}: \\n"' for key in _DATES]
    if not all(line in lines for line in dates):
        return None
    first, last = lines.index(dates[0]), lines.index(dates[1])
    if last != first + 1:
        return None
    return "\n".join(lines[:first]), "\n".join(lines[last + 1 :])


def _as_is(entry: polib.POEntry) -> bool:
    return not (
        entry.msgstr
        or entry.msgstr_plural
        or entry.msgid_plural
        or entry.tcomment
        or entry.obsolete
        or entry.previous_msgid is not None
        or entry.previous_msgctxt is not None
        or entry.previous_msgid_plural is not None
    )
