"""The report site in a real browser (Debian's chromium driven by playwright), with the outside world cut off.

Without a browser these tests skip; under CI (CI=true) a missing browser is a failure.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from analysis import cli
from analysis.tidy import build_tidy, load_raw
from analysis.trends import sectors_with_data
from conftest import FIXTURES, ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
NO_OUTSIDE = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).is_file():
        message = f"no chromium at {CHROMIUM} (install Debian's chromium; `make test` does when it can)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=[NO_OUTSIDE, "--disable-background-networking", "--disable-component-update",
                                    "--disable-sync", "--no-first-run", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """A fresh, full report run of the real data into a temporary folder."""
    tmp = tmp_path_factory.mktemp("site")
    code = cli.main(["report", "--out", str(tmp / "processed"), "--reports", str(tmp / "reports"), "--jobs", "2"])
    assert code == 0
    return tmp / "reports"


class Visit:
    """One page opened in the browser, with every request, console error and page error recorded."""

    def __init__(self, browser, path: Path):
        self.path = path
        self.page = browser.new_page(viewport={"width": 1200, "height": 900})
        self.requests, self.errors = [], []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri(), wait_until="load")

    def images(self) -> list[tuple[str, int]]:
        return self.page.eval_on_selector_all("img", "els => els.map(e => [e.getAttribute('src').slice(0, 80), "
                                                     "e.complete ? e.naturalWidth : 0])")

    def links(self) -> list[str]:
        return self.page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")

    def text(self) -> str:
        return self.page.inner_text("body")


def pages(site: Path) -> list[Path]:
    return [site / "index.html", site / "sources.html", *sorted(site.glob("*/*.html")), *sorted(site.glob("sectors/*/*.html"))]


def test_every_page_is_offline_self_contained_and_whole(browser, site):
    checked_pages, checked_images, checked_links = 0, 0, 0
    for path in pages(site):
        visit = Visit(browser, path)
        outside = [u for u in visit.requests if not u.startswith("file://")]
        assert not outside, f"{path.name} asked for {outside[:3]}"
        assert not visit.errors, f"{path.name}: {visit.errors[:3]}"
        for src, width in visit.images():
            assert width > 0, f"{path.name}: image {src} did not decode"
            checked_images += 1
        for href in visit.links():
            if href.startswith(("http://", "https://")):
                assert path.name == "sources.html", f"{path.name} links outside: {href}"  # only to the publications
                continue
            if href.startswith("#"):
                continue
            target = (path.parent / unquote(urlparse(href).path)).resolve()
            assert target.is_file(), f"{path.name}: link {href} leads nowhere"
            assert site.resolve() in target.parents, f"{path.name}: link {href} leaves the report folder"
            checked_links += 1
        visit.page.close()
        checked_pages += 1
    print(f"\nchecked {checked_pages} pages, {checked_images} images, {checked_links} links")
    assert checked_pages >= 19 and checked_images >= 15


def test_index_lists_every_sector_with_data(browser, site):
    data = load_raw(ROOT / "data" / "raw")
    tidy = build_tidy(data)
    names = dict(zip(data.sectors["sector"], data.sectors["name_nl"]))
    expected = {names[s] for s in sectors_with_data(tidy, list(data.sectors["sector"]))}
    visit = Visit(browser, site / "index.html")
    rows = visit.page.eval_on_selector_all("table.sectors tbody th", "els => els.map(e => e.innerText)")
    assert set(rows) == expected
    latest = visit.page.eval_on_selector_all("table.latest tbody th", "els => els.map(e => e.innerText)")
    assert set(latest) == expected
    verdicts = visit.page.eval_on_selector_all("table.latest tbody td:last-child", "els => els.map(e => e.innerText)")
    assert len(verdicts) == len(expected) and "ja" not in verdicts
    ARTIFACTS.mkdir(exist_ok=True)
    visit.page.screenshot(path=str(ARTIFACTS / "index.png"), full_page=True)


def test_politie_page_shows_its_figures(browser, site):
    visit = Visit(browser, site / "sectors/politie/politie.html")
    text = visit.text()
    for number in ("297", "413", "663", "713"):
        assert number in text
    assert "op koers" in text
    ARTIFACTS.mkdir(exist_ok=True)
    visit.page.screenshot(path=str(ARTIFACTS / "politie.png"), full_page=True)


HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">$5 =HYPERLINK("x")'


def test_hostile_text_in_the_data_is_shown_as_text(browser, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(FIXTURES / "minimal", raw)
    sources = (raw / "sources.csv").read_text(encoding="utf-8")
    quoted = '"' + HOSTILE.replace('"', '""') + '"'
    (raw / "sources.csv").write_text(sources.replace("A letter,Minister", f"{quoted},{quoted}"), encoding="utf-8")
    figures = (raw / "figures/politie.csv").read_text(encoding="utf-8")
    (raw / "figures/politie.csv").write_text(figures.replace(",Politie,\n", f",{quoted},\n"), encoding="utf-8")
    code = cli.main(["report", "--raw", str(raw), "--out", str(tmp_path / "processed"),
                     "--reports", str(tmp_path / "reports"), "--jobs", "2"])
    assert code == 0

    for path in (tmp_path / "reports/sources.html", tmp_path / "reports/sectors/politie/politie.html"):
        visit = Visit(browser, path)
        assert visit.page.evaluate("window.__pwned") is None, path.name
        assert "<script>window.__pwned = 1</script>" in visit.text(), path.name
        assert not [u for u in visit.requests if u.endswith("/x")], path.name
        visit.page.close()
