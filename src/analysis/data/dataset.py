"""One dataset object: the tidy figures with the registries they need to be shown (sectors, sources, series
breaks). Every chart, table and text function takes it, instead of the frames one by one."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pandas as pd

from analysis import atomic
from analysis.data import categorical
from analysis.data.derived import consistency_report

HANDED_OVER_ENV = "BANENAFSPRAAK_DATA"  # set by the report run: its validated data, so kernels need not validate again
T = TypeVar("T")


@dataclass(frozen=True)
class Dataset:
    tidy: pd.DataFrame  # reported and derived figures (dictionary.TIDY_COLUMNS)
    sectors: pd.DataFrame  # the sector registry, in display order
    sources: pd.DataFrame  # the source registry
    breaks: pd.DataFrame  # the series breaks
    # what is computed from the frames (the series index, verdicts, the consistency report), each with the
    # fingerprint of the frames it was computed from: see cached
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    # the frames' fingerprint while a computation on them is under way (see _one_state), else None
    _stamp: bytes | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, raw, tidy: pd.DataFrame) -> Dataset:
        """From what tidy.load_raw read (a RawData) and the tidy frame built from it, its texts as plain text
        (the prepare stage holds them as categoricals, which charts would show with every category)."""
        return cls(categorical.decoded(tidy), raw.sectors, raw.sources, raw.breaks)

    def with_tidy(self, tidy: pd.DataFrame) -> Dataset:
        """The same registries with other figures (e.g. a sector's rows edited in a notebook). A copy is taken,
        so that editing the frame afterwards and running the chart cell again never shows a stale chart."""
        return Dataset(tidy.copy(), self.sectors, self.sources, self.breaks)

    def cached(self, make: Callable[[Dataset], T]) -> T:
        """make(self), computed once and kept while the figures and breaks stay as they are. An analyst who edits
        the frame in place in JupyterLab (data.tidy.loc[...] = 999) gets the new value at the next call, not
        the one computed before: the frames' fingerprint (their pickled bytes) is compared at every call from
        outside, and taken once for all the calls a computation makes inside it (see _one_state)."""
        with self._one_state() as stamp:
            kept = self._cache.get(make)
            if kept is None or kept[0] != stamp:
                kept = (stamp, make(self))
                self._cache[make] = kept
            return kept[1]

    def cached_by(self, table: Callable[[Dataset], dict], key, build: Callable[[], T]) -> T:
        """build(), once per key while the figures are unchanged: kept in the dict that cached(table) holds (a
        verdict or a sector's figures per sector and year)."""
        with self._one_state():
            known = self.cached(table)
            if key not in known:
                known[key] = build()
            return known[key]

    @contextlib.contextmanager
    def _one_state(self):
        """The frames' fingerprint, taken once for a computation and every cached call it makes: the frames cannot
        change while it runs, and a chart's computation makes a thousand such calls, each of which pickled
        the frames again."""
        if self._stamp is not None:
            yield self._stamp
            return
        object.__setattr__(self, "_stamp", self._fingerprint())
        try:
            yield self._stamp
        finally:
            object.__setattr__(self, "_stamp", None)

    def _fingerprint(self) -> bytes:
        frames = pickle.dumps((self.tidy, self.breaks), protocol=pickle.HIGHEST_PROTOCOL)
        return hashlib.blake2b(frames, digest_size=16).digest()

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("_cache", "_stamp")}  # a hand-over carries no cache

    def __setstate__(self, state: dict) -> None:
        for k, v in {**state, "_cache": {}, "_stamp": None}.items():
            object.__setattr__(self, k, v)

    def consistency(self) -> pd.DataFrame:
        """The consistency report of these figures (derived.consistency_report), kept while they are unchanged."""
        return self.cached(_consistency)

    def sector_rows(self, sector: str) -> pd.DataFrame:
        """One sector's rows of the tidy frame, reported and derived: what its report is made from."""
        return self.tidy[self.tidy["sector"] == sector].reset_index(drop=True)

    def hand_over(self, folder: Path, key: str) -> Path:
        """Write this dataset for the kernels of one report run (see handed_over); `key` names the data."""
        path = Path(folder) / f"data-{key[:16]}.pickle"
        if not path.is_file():
            atomic.write_bytes(path, pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL))
        return path

    @staticmethod
    def handed_over() -> Dataset | None:
        """Inside a report run, the dataset the run validated and handed over; otherwise None."""
        path = os.environ.get(HANDED_OVER_ENV)
        if not path or not os.path.isfile(path):
            return None
        with open(path, "rb") as fh:
            return pickle.load(fh)


def _consistency(data: Dataset) -> pd.DataFrame:
    return consistency_report(data.tidy)
