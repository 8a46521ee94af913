"""Many releases are processed on every core; the files and errors must not depend on it."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from pressflow import files, parallel, pipeline
from pressflow.config import Config
from pressflow.errors import CatalogError

SAMPLE = Path(__file__).resolve().parent.parent / "releases" / "2018-07-03-lsg-forum.txt"
SERIAL = 10**9  # a threshold no test corpus reaches: everything in this process
PARALLEL = 1  # any number of releases goes to the process pool


def _newsroom(root: Path, *, count: int = 12, seed: int = 4) -> Config:
    """A small newsroom of releases made of the sample's sentences (fixed seed)."""
    text = SAMPLE.read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 20]
    rng = random.Random(seed)
    folder = root / "releases"
    folder.mkdir(parents=True)
    for i in range(count):
        body = "\n\n".join(
            " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(1, 3))
        )
        day = f"{1 + i:02d}.07.2018 09:{i:02d}"
        (folder / f"2018-{i:03d}-news.txt").write_text(
            f"Жаңылык {i}\n\n{day}\nЖаңылык {i}\n\n{body}", encoding="utf-8"
        )
    return Config(
        root=root,
        releases_dir=folder,
        translations_dir=root / "translations",
        target_langs=("ru", "en"),
        name="parallel test",
        version="1.0",
    )


def _files(root: Path) -> dict[str, bytes]:
    """Every file's bytes; of the stamps, the content fingerprints (the stat part differs by
    nature between two folders: inodes and modification times). Not the incremental cache: its
    records name the folder they are about (and it is safe to delete)."""
    files = {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and p.relative_to(root).parts[:2] != (".pressflow", "cache")
    }
    stamps = files.pop(".pressflow/stamps.json", None)
    if stamps is not None:
        files["stamps"] = json.dumps(json.loads(stamps)["stamps"], sort_keys=True).encode()
    return files


def _translate_and_edit(config: Config) -> None:
    for po_path in sorted((config.translations_dir / "ru").glob("*.po")):
        text = po_path.read_text(encoding="utf-8")
        po_path.write_text(text.replace('msgstr ""\n\n', 'msgstr "[ru]"\n\n'), encoding="utf-8")
    for path in sorted(config.releases_dir.glob("*.txt"))[::3]:
        path.write_text(path.read_text(encoding="utf-8") + " Дагы бир сүйлөм.", encoding="utf-8")


def test_parallel_and_serial_write_the_same_bytes(tmp_path: Path) -> None:
    serial = _newsroom(tmp_path / "serial")
    parallel = _newsroom(tmp_path / "parallel")
    results = [
        pipeline.extract(serial, parallel_from=SERIAL),
        pipeline.extract(parallel, parallel_from=PARALLEL),
    ]
    assert results[0] == results[1]
    assert _files(serial.root) == _files(parallel.root)
    first = [
        pipeline.update(c, parallel_from=n) for c, n in ((serial, SERIAL), (parallel, PARALLEL))
    ]
    assert first[0] == first[1]
    _translate_and_edit(serial)
    _translate_and_edit(parallel)
    for check_only in (True, False):
        results = [
            pipeline.update(serial, check_only=check_only, parallel_from=SERIAL),
            pipeline.update(parallel, check_only=check_only, parallel_from=PARALLEL),
        ]
        assert results[0] == results[1]
        assert results[0].outdated
        assert _files(serial.root) == _files(parallel.root)  # stamps included
    again = pipeline.update(parallel, check_only=True, parallel_from=PARALLEL)
    assert not again.outdated


def test_an_error_in_a_worker_is_the_one_a_single_process_raises(tmp_path: Path) -> None:
    configs = [_newsroom(tmp_path / name) for name in ("serial", "parallel")]
    for config in configs:
        pipeline.update(config, parallel_from=SERIAL)
        for name in ("2018-009-news", "2018-004-news"):
            (config.translations_dir / "ru" / f"{name}.po").write_text(
                'msgid "a"\nmsgstr "b"\nbroken\n', encoding="utf-8"
            )
        (config.root / ".pressflow" / "stamps.json").unlink()
    before = _files(configs[1].root)
    errors = []
    for config, threshold in zip(configs, (SERIAL, PARALLEL), strict=True):
        with pytest.raises(CatalogError) as caught:
            pipeline.update(config, parallel_from=threshold)
        errors.append(caught.value)
    shown = [str(e).replace(str(c.root), "ROOT") for e, c in zip(errors, configs, strict=True)]
    assert shown[0] == shown[1]
    assert shown[1].startswith("ROOT/translations/ru/2018-004-news.po:3: ")  # the first one
    assert errors[1].line == 3
    assert _files(configs[1].root) == before  # nothing written


def _jobs(config: Config) -> list[parallel.Job]:
    return [
        parallel.Job(path, config.rel(path)) for path in sorted(config.releases_dir.glob("*.txt"))
    ]


def test_languages_merged_in_forked_processes_give_the_same_outcome(tmp_path: Path) -> None:
    """A huge release merges ru and en in processes of their own: same texts, verdicts, stamps
    and errors as merging them here (the threshold lowered so that a small release does it)."""
    config = _newsroom(tmp_path, count=4)
    pipeline.update(config, parallel_from=SERIAL)
    _translate_and_edit(config)
    settings = parallel.Settings(config, langs=("ru", "en"))
    merged = 0
    for job in _jobs(config):
        here = parallel.work(job, settings)
        forked = parallel.work(job, settings, fan_out_from=1)
        assert forked == here
        assert [out.lang for out in forked.files] == ["", "ru", "en"]
        merged += sum(out.data is not None for out in forked.files[1:])
    assert merged == 4  # two edited releases, two languages each
    broken = config.translations_dir / "en" / "2018-002-news.po"
    broken.write_text('msgid "a"\nmsgstr "b"\nbroken\n', encoding="utf-8")
    job = parallel.Job(config.releases_dir / "2018-002-news.txt", "releases/2018-002-news.txt")
    here, forked = parallel.work(job, settings), parallel.work(job, settings, fan_out_from=1)
    assert forked.stage == here.stage == parallel.MERGE
    assert str(forked.error) == str(here.error)
    assert str(forked.error).endswith(":3: " + str(here.error).split(":3: ", 1)[1])


def test_a_catalog_made_after_its_folder_was_listed_is_left_as_saved(tmp_path: Path) -> None:
    """A run lists the catalog folders once and does not look for a catalog missing then; one
    saved since (a translator's first save) is never replaced: the writer refuses it, as it
    refuses any version it did not read."""
    config = _newsroom(tmp_path, count=2)
    pipeline.update(config, parallel_from=SERIAL)
    saved = config.translations_dir / "ru" / "2018-000-news.po"
    mine = saved.read_bytes().replace(b'msgstr ""\n\n', b'msgstr "[ru]"\n\n', 1)
    saved.unlink()
    listed = {
        config.catalog_folder(lang): files.listing(config.catalog_folder(lang)) or frozenset()
        for lang in ("", "ru", "en")
    }
    saved.write_bytes(mine)  # after the listing
    settings = parallel.Settings(config, ("ru", "en"), listed=listed)
    outcome = parallel.work(_jobs(config)[0], settings)
    ru = next(out for out in outcome.files if out.lang == "ru")
    assert ru.read is None and ru.data is not None  # made as a first catalog
    with files.WriteBatch() as batch:
        batch.write(ru.path, ru.data, expect=ru.read)
    assert batch.conflicts == [ru.path]
    assert saved.read_bytes() == mine
