"""The declared reports, notebooks/reports.toml (the report registry): which notebooks the report run executes,
for which parameters, with which titles and where in reports/ each report goes. Read and checked as strictly as
the raw data, before anything is written: a folder decides what the run replaces, so a wrong one could delete
other reports or write outside reports/.

Standard library only: the check runs before pandas or papermill are imported.
"""

from __future__ import annotations

import string
import tomllib
from pathlib import Path, PurePosixPath

from analysis.errors import ParameterError

REPORTS_TOML = "reports.toml"  # in the notebooks folder: every report notebook, declared
INDEX_PLACES = ("sectors", "national", "overview", "coverage", "more")
REQUIRED = ("notebook", "folder", "title_nl", "title_en", "index")
KNOWN = (*REQUIRED, "for_each", "figures")
FIGURES = ("sector", "overview", "national", "coverage")
RESERVED = ("data", "failed")  # the site's own folders in reports/: the data package and failed notebooks
PER_SECTOR = "{sector}"


def read(notebooks: Path) -> tuple[list[dict], bytes]:
    """The checked entries of notebooks/reports.toml and the bytes they were read from (what a run records)."""
    path = Path(notebooks) / REPORTS_TOML
    try:
        data = path.read_bytes()
        entries = tomllib.loads(data.decode("utf-8")).get("report", [])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ParameterError([f"{path}: cannot read the report registry: {err}"]) from None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ParameterError([f"{path}: every report is a [[report]] table"])
    problems = [p for i, e in enumerate(entries, start=1) for p in _entry_problems(e, i, notebooks)]
    problems += _overlaps(entries)
    if problems:
        raise ParameterError([f"{path}: {p}" for p in problems])
    return entries, data


def entries(notebooks: Path) -> list[dict]:
    return read(notebooks)[0]


def sector_folder(notebooks: Path) -> str | None:
    """Where in reports/ each sector's report goes ('sectors/{sector}'), as reports.toml declares it for the
    report made per sector and listed among the sectors on the index: the one place the index, the answers'
    links and the printed pages take it from. None when no such report is declared."""
    each = (e["folder"] for e in entries(notebooks) if e.get("for_each") == "sector" and e["index"] == "sectors")
    return next(each, None)


def _where(entry: dict, i: int) -> str:
    return f"report {i} ({entry['notebook']})" if isinstance(entry.get("notebook"), str) else f"report {i}"


def _entry_problems(e: dict, i: int, notebooks: Path) -> list[str]:
    where = _where(e, i)
    missing = [k for k in REQUIRED if not isinstance(e.get(k), str) or not e[k].strip()]
    if missing:
        return [f"{where}: field {k!r} is required (a text)" for k in missing]
    problems = [f"{where}: unknown field {k!r}; known: {', '.join(KNOWN)}" for k in e if k not in KNOWN]
    if not (Path(notebooks) / e["notebook"]).is_file() or "/" in e["notebook"] or "\\" in e["notebook"]:
        problems.append(f"{where}: field 'notebook': no notebook {e['notebook']} in {notebooks}")
    if e["index"] not in INDEX_PLACES:
        problems.append(f"{where}: field 'index' must be one of {', '.join(INDEX_PLACES)}")
    if e.get("for_each") not in (None, "sector"):
        problems.append(f"{where}: field 'for_each' can only be 'sector'")
    if e.get("figures") not in (None, *FIGURES):
        problems.append(f"{where}: field 'figures' must be one of {', '.join(FIGURES)}")
    per_sector = e.get("for_each") == "sector"
    problems += [f"{where}: field 'folder': {p}" for p in _folder_problems(e["folder"], per_sector)]
    for field in ("title_nl", "title_en"):
        allowed = {"name"} if per_sector else set()
        problems += [f"{where}: field {field!r}: {p}" for p in _placeholder_problems(e[field], allowed, "{name}")]
    return problems


def _placeholders(text: str) -> list[str]:
    """The {placeholders} in a text, as str.format reads them (a ValueError for a lone brace)."""
    return [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]


def _placeholder_problems(text: str, allowed: set[str], hint: str) -> list[str]:
    try:
        found = _placeholders(text)
    except ValueError as err:
        return [f"{err} in {text!r} (write a brace as {{{{ or }}}})"]
    unknown = sorted({f for f in found if f not in allowed})
    if not unknown:
        return []
    may = f"only {hint} may stand in it" if allowed else "no placeholder may stand in it (it is one report)"
    return [f"unknown placeholder {{{unknown[0]}}} in {text!r}: {may}"]


def _folder_problems(folder: str, per_sector: bool) -> list[str]:
    """A folder is relative, inside reports/, never '.', '..', hidden or one of the site's own folders; a
    per-sector one has {sector} as one whole part of the path and no other placeholder."""
    problems = _placeholder_problems(folder, {"sector"} if per_sector else set(), PER_SECTOR)
    if problems:
        return problems
    if per_sector and PER_SECTOR not in folder:
        return [f"{folder!r} lacks {PER_SECTOR}: every sector's report would go into one folder"]
    if "\\" in folder or folder.startswith("/") or PurePosixPath(folder).is_absolute() or ":" in folder:
        return [f"{folder!r} must be a relative path inside reports/ written with / (not absolute, no drive)"]
    parts = folder.split("/")
    if any(p in ("", ".", "..") for p in parts):
        return [f"{folder!r} must not be '.', '..' or have an empty part: it must name a folder inside reports/"]
    if any(p.startswith(".") for p in parts):
        return [f"{folder!r}: a hidden folder (a part starting with '.') is the run's own"]
    if parts[0] in RESERVED:
        return [f"{folder!r}: reports/{parts[0]} is the site's own folder ({', '.join(RESERVED)} are reserved)"]
    if per_sector and PER_SECTOR not in parts:
        return [f"{folder!r}: {PER_SECTOR} must be a whole part of the path, such as sectors/{PER_SECTOR}"]
    return []


def _overlaps(entries: list[dict]) -> list[str]:
    """No report's folder is inside, above or the same as another's ({sector} stands for any sector)."""
    shaped = [
        (i, e, e["folder"].split("/"))
        for i, e in enumerate(entries, start=1)
        if isinstance(e.get("folder"), str) and not _folder_problems(e["folder"], e.get("for_each") == "sector")
    ]
    problems = []
    for n, (i, a, pa) in enumerate(shaped):
        for j, b, pb in shaped[n + 1 :]:
            shorter = min(len(pa), len(pb))
            if all(x == y or PER_SECTOR in (x, y) for x, y in zip(pa[:shorter], pb[:shorter])):
                how = "the same folder as" if len(pa) == len(pb) else "a folder inside or above that of"
                problems.append(
                    f"{_where(b, j)}: field 'folder': {b['folder']!r} is {how} {_where(a, i)} ({a['folder']!r}): "
                    "one run would replace the other's report"
                )
    return problems
