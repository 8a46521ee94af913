"""``update`` after ``extract``: a template the extract cache vouches for (its release and its
bytes as the extract left them, under the same config and code) is merged as written, its
release neither parsed nor segmented again, and every catalog comes out byte-identical to an
update from scratch; a template that is not as recorded is made again from its release."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.test_incremental import files, newsroom, translate

from pressflow import pipeline
from pressflow.cache import content_digest
from pressflow.parallel import Extracted, Job, Settings, work


def update(root: Path) -> None:
    pipeline.update(pipeline.open_project(root))


def scratch(root: Path, copy: Path) -> Path:
    """``root`` without its cache, updated."""
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".pressflow"))
    update(copy)
    return copy


def test_first_catalogs_from_extracted_templates_are_those_of_a_full_update(
    tmp_path: Path,
) -> None:
    root = newsroom(tmp_path / "newsroom")
    pipeline.extract(pipeline.open_project(root))
    update(root)
    full = newsroom(tmp_path / "full")
    update(full)
    assert files(root) == files(full)
    assert len(list((root / "translations" / "ru").glob("*.po"))) == 8


def test_translated_catalogs_merge_with_extracted_templates_as_with_made_ones(
    tmp_path: Path,
) -> None:
    root = newsroom(tmp_path / "newsroom")
    update(root)
    translate(root)  # every catalog saved by a translator: each release is merged again
    pipeline.extract(pipeline.open_project(root))
    update(root)
    assert files(root) == files(scratch(root, tmp_path / "full"))
    ru = (root / "translations" / "ru" / "2018-07-03-lsg-forum.po").read_text("utf-8")
    assert '"Перевод ' in ru


def test_a_template_edited_after_extract_is_made_again_from_its_release(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "newsroom")
    pipeline.extract(pipeline.open_project(root))
    pot = root / "translations" / "templates" / "bare-url.pot"
    made = pot.read_bytes()
    pot.write_bytes(made.replace(b'msgid "', b'msgid "EDITED ', 1))
    update(root)
    assert pot.read_bytes() == made
    assert b"EDITED" not in (root / "translations" / "ru" / "bare-url.po").read_bytes()
    assert files(root) == files(scratch(newsroom(tmp_path / "full"), tmp_path / "full2"))


def test_a_damaged_extract_record_is_worked_on_again(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "newsroom")
    pipeline.extract(pipeline.open_project(root))
    for table in (root / ".pressflow" / "cache").glob("extract.*.json"):
        data = json.loads(table.read_text("utf-8"))
        for record in data["records"].values():
            record[1]["header"] = ["only the comment"]  # no fields
            record[1]["units"] = "many"
        table.write_text(json.dumps(data), "utf-8")
    update(root)
    assert files(root) == files(scratch(newsroom(tmp_path / "full"), tmp_path / "full2"))


def test_the_worker_takes_a_vouched_template_only_with_the_bytes_it_recorded(
    tmp_path: Path,
) -> None:
    root = newsroom(tmp_path / "newsroom")
    config = pipeline.open_project(root)
    pipeline.extract(config)
    pot = config.pot_path("bare-url")
    source = config.releases_dir / "bare-url.txt"
    settings = Settings(config, tuple(config.target_langs), write=False)
    whole = work(Job(source, "releases/bare-url.txt"), settings)
    assert whole.error is None and whole.units > 0
    comment, fields = whole.header

    def job(digest: str) -> Job:
        record = Extracted("bare-url", 999, (), digest, comment, fields)
        return Job(source, "releases/bare-url.txt", record)

    vouched = work(job(content_digest(pot.read_bytes())), settings)
    assert vouched.units == 999  # the record's: the release was not segmented
    assert [o.changed for o in vouched.files] == [o.changed for o in whole.files]
    assert vouched.stamp == whole.stamp
    stale = work(job(content_digest(b"another template")), settings)
    assert stale.units == whole.units  # not the bytes recorded: made from the release
