"""Building the reports from start to end, as one function with its settings: check the folders and options,
skip the run when nothing changed, prepare data/processed, execute the notebooks, write the index, print the
PDFs and record the run. The command line, the tests and the benchmark all come through here."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from analysis import folders, paths, stamps
from analysis.errors import DataValidationError, ParameterError
from analysis.locking import exclusive
from analysis.run import declared


@dataclass(frozen=True)
class Settings:
    """One report run: where it reads and writes, and how (the options of `python -m analysis report`)."""

    raw: Path
    processed: Path
    reports: Path
    notebooks: Path
    lang: str = "nl"
    sectors: tuple[str, ...] = ()  # only these sectors' reports; empty: all of them
    jobs: int = os.cpu_count() or 1
    force: bool = False
    cell_timeout: int = 300
    pdf: bool = False
    wait: float | None = None  # seconds to wait for another run holding the folders

    def recorded(self) -> dict:
        """What of the settings a run's outputs depend on (part of the run record)."""
        return {
            "lang": self.lang,
            "sectors": sorted(self.sectors) or None,
            "processed": str(Path(self.processed).resolve()),
            "pdf": self.pdf,
            "verdict_year": stamps.verdict_year(),
        }


def build_reports(settings: Settings, say: Callable[[str], None] = print) -> int:
    """Every report the settings ask for; the exit code: 0 done, 1 a notebook failed (the others are made)."""
    start = time.monotonic()
    chromium = _chromium(settings)  # before anything is read or written
    declared.read(settings.notebooks)  # a bad folder or title in reports.toml is refused before any writing
    _separate(settings.processed, settings.reports)
    # what would make the run refuse is found before data/processed is rewritten or the run record dropped
    folders.check_processed(settings.processed, settings.raw)
    folders.check_reports(settings.reports, settings.raw)
    settings = _checked_sectors(settings)
    with exclusive(settings.processed, settings.wait), exclusive(settings.reports, settings.wait):
        digest = stamps.inputs_digest(settings.raw, settings.notebooks, settings.recorded())
        if not settings.force and stamps.unchanged(settings.reports, settings.processed, digest):
            say(
                f"nothing changed since the last complete run (raw data, notebooks, library, parameters), "
                f"and every output is in place: 0 executed in {time.monotonic() - start:.1f}s; "
                f"open {settings.reports / 'index.html'}"
            )
            return 0
        stamps.forget(settings.reports)
        results = _execute(settings, chromium, say)
        if not any(r.status == "failed" for r in results):
            stamps.record(settings.reports, settings.processed, digest)
    return _told(results, settings, start, say)


def _separate(processed: Path, reports: Path) -> None:
    """The dataset and the site are two folders, neither inside the other: each is locked and replaced on its
    own (one folder for both made the run wait for itself, 'another run is writing')."""
    a, b = Path(processed).resolve(), Path(reports).resolve()
    if a == b or a in b.parents or b in a.parents:
        raise ParameterError(
            [f"--out and --reports must be two folders, neither inside the other (given: {processed} and {reports})"]
        )


def _chromium(settings: Settings) -> str | None:
    if not settings.pdf:
        return None
    from analysis.site.pdf import find_chromium

    return find_chromium()


def _checked_sectors(settings: Settings) -> Settings:
    """--sector values: ids by the one id rule, registered in sectors.csv (read alone, cheaply), each once."""
    if not settings.sectors:
        return settings  # before the imports: a rerun with nothing changed answers before pandas is loaded
    from dataclasses import replace

    from analysis.data.registry import load_sectors
    from analysis.dictionary import SECTOR_ID

    bad = [s for s in settings.sectors if not SECTOR_ID.match(s)]
    if bad:
        raise ParameterError(
            [
                f"--sector {b!r} is not a sector id (lower-case letters, digits and _, starting with a letter)"
                for b in bad
            ]
        )
    sectors, issues = load_sectors(paths.RawLayout(Path(settings.raw)).sectors_csv)
    if issues:
        raise DataValidationError(issues)
    known = set(sectors["sector"])
    unknown = [s for s in settings.sectors if s not in known]
    if unknown:
        raise ParameterError([f"unknown sector {u!r}; known: {', '.join(sorted(known))}" for u in unknown])
    return replace(settings, sectors=tuple(sorted(set(settings.sectors))))  # --sector x --sector x runs x once


def _execute(settings: Settings, chromium: str | None, say: Callable[[str], None]) -> list:
    """Prepare data/processed, execute the notebooks and write the index, then the PDFs: the run's work."""
    from analysis.run import workers as pool  # papermill and nbconvert load only when reports are made

    # the workers start first: their kernel fork server imports while the data is prepared
    with pool.Workers(settings.jobs) as workers:
        from analysis.data import categorical
        from analysis.data.prepare import write_processed
        from analysis.run import report

        raw, tidy = write_processed(settings.raw, settings.processed, say)
        stamp = stamps.run_stamp(settings.processed)  # one run date and data version for every page and PDF
        results = report.run(
            raw,
            categorical.decoded(tidy),  # once: the run makes a Dataset of it many times
            notebooks=settings.notebooks,
            out=settings.reports,
            processed=settings.processed,
            lang=settings.lang,
            sectors=list(settings.sectors) or None,
            workers=workers,
            force=settings.force,
            cell_timeout=settings.cell_timeout,
            progress=say,
            pdf=settings.pdf,
            stamp=stamp,
        )
    from analysis.site import pdf

    pages = pdf.report_pages(settings.reports, declared.sector_folder(settings.notebooks))
    if chromium:
        pdf.print_pages(pages, settings.lang, stamp["run_date"], stamp["data_version"], chromium, say)
    else:  # a run without --pdf leaves no PDF that its changed page contradicts
        pdf.remove_stale(pages, say)
    return results


def _told(results: list, settings: Settings, start: float, say: Callable[[str], None]) -> int:
    from analysis.run import report

    failed = [r for r in results if r.status == "failed"]
    ran = sum(r.status != "up-to-date" for r in results)
    ahead = sum(r.ready_ahead for r in results)
    say("")
    say(report.results_table(results))
    say(
        f"\n{len(results)} reports ({ran} executed, {len(failed)} failed, {ahead} on a kernel started ahead) "
        f"in {time.monotonic() - start:.1f}s; open {settings.reports / 'index.html'}"
    )
    return 1 if failed else 0
