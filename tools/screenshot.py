"""Render an HTML page in headless Chromium: its DOM, or a PNG screenshot.

Used by ``make screenshot`` (the demo report shown in the docs,
``docs/img/demo-report.png``) and by ``tests/test_report.py``, which checks the
demo report as a browser shows it. Needs Debian's ``chromium`` package (or any
Chromium/Chrome on the PATH); nothing is fetched: the flags below keep the
browser off the network (no component updates, sync or background requests).

    python tools/screenshot.py build/demo/namematch-demo.html docs/img/demo-report.png
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: Headless, no sandbox (root in CI), and nothing that would reach a network.
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
    "--disable-quic", "--hide-scrollbars", "--mute-audio",
)  # fmt: skip


def find_browser() -> str | None:
    """The path of a Chromium-family browser on the PATH, or None."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(browser: str, page: Path, extra: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="namematch-chromium-") as profile:  # a fresh profile each time
        return subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={profile}", *extra, page.resolve().as_uri()],
            capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip


def dump_dom(page: Path, browser: str | None = None, timeout: float = 120) -> str:
    """The page's DOM after the browser has loaded it, serialised as HTML."""
    browser = browser or find_browser()
    if browser is None:
        raise FileNotFoundError("no Chromium on the PATH")
    done = _run(browser, page, ["--dump-dom"], timeout)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"{browser} --dump-dom failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


def screenshot(page: Path, png: Path, *, width: int = 1200, height: int = 1400, browser: str | None = None,
               timeout: float = 120) -> Path:
    """Save a ``width`` x ``height`` PNG of the top of ``page``."""
    browser = browser or find_browser()
    if browser is None:
        raise FileNotFoundError("no Chromium on the PATH")
    png.parent.mkdir(parents=True, exist_ok=True)
    done = _run(browser, page, [f"--screenshot={png.resolve()}", f"--window-size={width},{height}"], timeout)
    if done.returncode != 0 or not png.exists():
        raise RuntimeError(f"{browser} --screenshot failed ({done.returncode}): {done.stderr[-2000:]}")
    return png


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("page", type=Path, help="the HTML file")
    ap.add_argument("png", type=Path, help="where to write the screenshot")
    ap.add_argument("--width", type=int, default=1200, help="window width in pixels")
    ap.add_argument("--height", type=int, default=1400, help="window height in pixels")
    args = ap.parse_args()
    print(screenshot(args.page, args.png, width=args.width, height=args.height))


if __name__ == "__main__":
    main()
