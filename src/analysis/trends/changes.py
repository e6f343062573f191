"""What changed in the processed data since an earlier version: figures added, changed, removed, and verdicts.

An earlier version is a git revision (its data/processed/banenafspraak.csv) or a folder holding a copy
of data/processed. Only reported figures are compared (derived ones follow from them); a figure is the
same figure when sector, year, period, measure, scope, basis and source agree.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.data.dataset import Dataset
from analysis.dictionary import BREAK_COLUMNS
from analysis.errors import NoSuchVersion
from analysis.trends.answer import stand

DATASET_CSV = "banenafspraak.csv"  # the processed dataset, in a version folder
IDENTITY = ["sector", "year", "period", "measure", "scope", "basis", "source_id"]


def read_version(ref: str) -> pd.DataFrame:
    """The processed dataset of a folder (a copy of data/processed) or of a git revision: untrusted input, read
    with care (a broken one is a NoSuchVersion naming what is wrong, never a traceback)."""
    folder = Path(ref)
    if folder.is_dir():
        path = folder / DATASET_CSV
        if not path.is_file():
            raise NoSuchVersion(f"{folder} holds no {DATASET_CSV}")
        try:
            return _frame(path.read_text(encoding="utf-8"), str(path))
        except (OSError, UnicodeDecodeError) as err:
            raise NoSuchVersion(f"cannot read {path}: {err}") from None
    root = paths.project_root()
    where = (paths.processed_dir() / DATASET_CSV).relative_to(root).as_posix()
    commit = _resolved(ref, root)
    shown = subprocess.run(["git", "show", f"{commit}:{where}"], check=False, cwd=root, capture_output=True)
    if shown.returncode != 0:
        raise NoSuchVersion(f"cannot read {where} at {ref!r}: {shown.stderr.decode(errors='replace').strip()}")
    try:
        return _frame(shown.stdout.decode("utf-8"), f"{where} at {ref}")
    except UnicodeDecodeError as err:
        raise NoSuchVersion(f"{where} at {ref} is not UTF-8 text: {err}") from None


def _resolved(ref: str, root: Path) -> str:
    """The commit id a revision names, asked of git as a revision and nothing else: a text starting with '-'
    would be read by git as an option (--output=FILE writes a file), so it is refused before git sees it."""
    if not ref or ref.startswith("-"):
        raise NoSuchVersion(f"cannot read {ref!r}: it is no folder, and a revision never starts with '-'")
    found = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"],
        check=False, cwd=root, capture_output=True, text=True,
    )  # fmt: skip
    if found.returncode != 0 or not found.stdout.strip():
        raise NoSuchVersion(f"cannot read {ref!r}: no revision {ref!r} in {root}, and no folder of that name")
    return found.stdout.strip()


REQUIRED = ["sector", "year", "measure", "value", "qualifier", "status", "source_id"]


def _frame(text: str, name: str) -> pd.DataFrame:
    """A version's reported figures, checked: its columns, and every value, year and era a number."""
    if not text.strip():
        raise NoSuchVersion(f"{name} is empty")
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, ValueError) as err:
        raise NoSuchVersion(f"{name} is not a readable CSV file: {err}") from None
    missing = [c for c in REQUIRED if c not in frame]
    if missing:
        raise NoSuchVersion(f"{name} has no column {missing[0]!r}: it is not a processed dataset of this project")
    for column, default in (("period", "year"), ("scope", ""), ("basis", ""), ("era", "0")):
        if column not in frame:  # versions from before these columns existed
            frame[column] = default
    frame = frame[frame["status"] == "reported"]
    for column, pattern in (("value", r"\d+(\.\d+)?"), ("year", r"(\d{4})?"), ("era", r"\d+")):
        bad = ~frame[column].str.fullmatch(pattern)
        if bad.any():
            line = int(bad.idxmax()) + 2  # the header is line 1
            raise NoSuchVersion(f"{name}, line {line}: {column} {frame.loc[bad.idxmax(), column]!r} is not a number")
    return frame


@dataclass
class Changes:
    added: pd.DataFrame
    removed: pd.DataFrame
    changed: pd.DataFrame  # old and new value (value_old, value_new, qualifier_old, qualifier_new)
    verdicts: list[dict] = field(default_factory=list)  # sector, old and new status and year
    note: str = ""

    def empty(self) -> bool:
        return self.added.empty and self.removed.empty and self.changed.empty and not self.verdicts


def compare(old: pd.DataFrame, new: pd.DataFrame) -> Changes:
    """Reported figures added, removed and changed from `old` to `new` (both as read by read_version)."""
    key = (
        IDENTITY
        if old["basis"].ne("").any() or new["basis"].eq("").all()
        else [c for c in IDENTITY if c not in ("basis", "period", "scope")]
    )  # an old version without bases
    merged = old.merge(new, on=key, how="outer", suffixes=("_old", "_new"), indicator=True)
    for column in set(IDENTITY) - set(key):  # not matched on: shown as the side that has the figure says
        merged[column] = merged[f"{column}_new"].where(merged["_merge"] != "left_only", merged[f"{column}_old"])
    added = merged[merged["_merge"] == "right_only"]
    removed = merged[merged["_merge"] == "left_only"]
    both = merged[merged["_merge"] == "both"]
    changed = both[(both["value_old"] != both["value_new"]) | (both["qualifier_old"] != both["qualifier_new"])]
    note = (
        ""
        if key == IDENTITY
        else (
            "the earlier version has no period, scope or basis: figures are matched on sector, year, measure and source"
        )
    )
    return Changes(added, removed, changed, note=note)


def verdict_changes(
    old: pd.DataFrame, new: pd.DataFrame, breaks: pd.DataFrame | None = None, this_year: int | None = None
) -> list[dict]:
    """Sectors whose stand (answer.stand: the verdict a sector's page and the index open with) differs between the
    two versions (only where both carry bases); `this_year` decides which years have passed (default: today's)."""
    if not old["basis"].ne("").any():
        return []
    breaks = pd.DataFrame(columns=BREAK_COLUMNS) if breaks is None else breaks
    year = this_year or dt.date.today().year
    # a version's figures as a dataset (the stand needs its figures and the breaks, no registry)
    told, tnew = (Dataset(_as_tidy(v), pd.DataFrame(), pd.DataFrame(), breaks) for v in (old, new))
    out = []
    for sector in dict.fromkeys([*tnew.tidy["sector"], *told.tidy["sector"]]):
        a, b = stand(told, sector, year), stand(tnew, sector, year)
        if (a.status, a.year) != (b.status, b.year):
            out.append({"sector": sector, "old": a.status, "old_year": a.year, "new": b.status, "new_year": b.year})
    return out


def _as_tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """A processed dataset typed back into tidy columns, with derived values computed again."""
    from analysis.data.derived import derive
    from analysis.data.schema import decimals

    tidy = frame.assign(
        year=pd.to_numeric(frame["year"].where(frame["year"] != "")).astype("Int64"),
        value=frame["value"].astype(float),
        precision=decimals(frame["value"]).to_numpy(),
        era=frame["era"].astype("int64"),
    )
    return pd.concat([tidy, derive(tidy)], ignore_index=True)


def describe(changes: Changes, lang: str = "en", names: dict[str, str] | None = None, source_name=None) -> list[str]:
    """One line per change, in the given language (the console uses English, the index the site's): each value
    with the word it was published with ('bijna 90.000'); `source_name(id)` names a source (default: its id)."""
    from analysis import i18n
    from analysis.dictionary import MEASURES, PERIODS, scope_label

    w = i18n.CHANGES[i18n.check_lang(lang)]
    names = names or {}
    source_name = source_name or (lambda source_id: source_id)

    def value(text, qualifier) -> str:
        text = str(text)
        decimals = len(text.split(".")[1]) if "." in text else 0
        return i18n.figure(float(text), lang, decimals, "" if pd.isna(qualifier) else qualifier)

    def figure(r, side: str) -> str:
        period = f" {PERIODS[r.period].label(lang)}" if r.period in PERIODS and r.period != "year" else ""
        scope = f" ({scope_label(r.scope, lang)})" if r.scope else ""
        measure = MEASURES[r.measure].label(lang) if r.measure in MEASURES else r.measure
        shown = value(getattr(r, "value" + side), getattr(r, "qualifier" + side))
        return f"{names.get(r.sector, r.sector)} {r.year}{period}, {measure}{scope}: {shown}"

    lines = [f"{w['added']}: {figure(r, '_new')} ({source_name(r.source_id)})" for r in changes.added.itertuples()]
    lines += [
        f"{w['changed']}: {figure(r, '_old')} → {value(r.value_new, r.qualifier_new)} ({source_name(r.source_id)})"
        for r in changes.changed.itertuples()
    ]
    lines += [f"{w['removed']}: {figure(r, '_old')} ({source_name(r.source_id)})" for r in changes.removed.itertuples()]

    def told(status: str, year: int | None) -> str:  # a stand without a year that decides names none
        return i18n.verdict_word(lang, status) + (f" ({year})" if year else "")

    lines += [
        f"{w['verdict']}: {names.get(v['sector'], v['sector'])}: {told(v['old'], v['old_year'])} → "
        f"{told(v['new'], v['new_year'])}"
        for v in changes.verdicts
    ]
    return lines
