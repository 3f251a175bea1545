"""Open HTML reports in headless Chromium and fail on anything a reader would see go wrong.

Usage: ``python tests/browser_check.py reports/`` (every ``*.html`` in the
folder) or ``python tests/browser_check.py a.html b.html``. For each page it
fails on an uncaught page error, a console error (CSP violations included), an
image that does not load, a failed load and any request that leaves the file
(a report must be self-contained), and keeps a screenshot under
``<folder>/screenshots/NAME.png``. Exit 0: all pages clean; 1: problems
(listed); 2: no Chromium.

It speaks the Chrome DevTools Protocol over a websocket with tornado's client
(installed with Jupyter), so it needs no extra package. ``CHROMIUM=/path``
picks the browser.
"""
from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome", "headless_shell")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
         "--remote-debugging-port=0"]
LISTENING = re.compile(r"DevTools listening on (ws://\S+)")
TIMEOUT = 60.0
# What the page itself reports once loaded: title, images and whether given text is shown.
PROBE = """JSON.stringify({
  title: document.title,
  images: Array.from(document.images).map(i => ({src: i.src.slice(0, 60), ok: i.complete && i.naturalWidth > 0})),
  text: document.body ? document.body.innerText : "",
  height: Math.max(document.body ? document.body.scrollHeight : 0, 600)
})"""


@dataclass
class PageReport:
    """What one page did in the browser."""

    path: Path
    title: str = ""
    images: int = 0
    text: str = ""
    problems: list[str] = field(default_factory=list)
    screenshot: Path | None = None


def find_chromium() -> str | None:
    """The Chromium binary (``$CHROMIUM`` first), or None."""
    if os.environ.get("CHROMIUM"):
        return shutil.which(os.environ["CHROMIUM"]) or None
    return next((found for name in NAMES if (found := shutil.which(name))), None)


class Browser:
    """One headless Chromium and its DevTools websocket."""

    def __init__(self, binary: str) -> None:
        self.binary = binary
        self.profile = tempfile.mkdtemp(prefix="browser-check-")
        self.events: dict[str, list[dict[str, Any]]] = {}
        self.pending: dict[int, asyncio.Future] = {}
        self.next_id = 0

    async def __aenter__(self) -> "Browser":
        from tornado.websocket import websocket_connect

        self.proc = subprocess.Popen([self.binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        url = await asyncio.wait_for(asyncio.to_thread(self._ws_url), TIMEOUT)
        self.ws = await websocket_connect(url, max_message_size=256 * 1024 * 1024)
        self.reader = asyncio.ensure_future(self._read())
        return self

    def _ws_url(self) -> str:
        for line in self.proc.stderr:  # type: ignore[union-attr]
            if match := LISTENING.search(line):
                return match.group(1)
        raise RuntimeError(f"{self.binary} exited before opening DevTools (code {self.proc.wait()})")

    async def __aexit__(self, *exc: object) -> None:
        self.reader.cancel()
        self.ws.close()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    async def _read(self) -> None:
        while (raw := await self.ws.read_message()) is not None:
            msg = json.loads(raw)
            if "id" in msg and msg["id"] in self.pending:
                self.pending.pop(msg["id"]).set_result(msg)
            elif "method" in msg:
                self.events.setdefault(msg.get("sessionId", ""), []).append(msg)

    async def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self.next_id += 1
        msg: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        future = asyncio.get_running_loop().create_future()
        self.pending[self.next_id] = future
        await self.ws.write_message(json.dumps(msg))
        reply = await asyncio.wait_for(future, TIMEOUT)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    async def wait_for(self, session: str, method: str) -> None:
        for _ in range(int(TIMEOUT * 20)):
            if any(e["method"] == method for e in self.events.get(session, [])):
                return
            await asyncio.sleep(0.05)
        raise TimeoutError(f"no {method} within {TIMEOUT:.0f} s")


def _problems(events: list[dict[str, Any]]) -> list[str]:
    found = []
    for event in events:
        method, p = event["method"], event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = p.get("exceptionDetails", {})
            found.append(f"page error: {details.get('exception', {}).get('description') or details.get('text')}")
        elif method == "Runtime.consoleAPICalled" and p.get("type") in {"error", "assert"}:
            found.append("console error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
        elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            entry = p["entry"]
            found.append(f"console error: {entry.get('text')} {entry.get('url', '')}".strip())
        elif method == "Network.requestWillBeSent":
            url = p.get("request", {}).get("url", "")
            if not url.startswith(("file:", "data:", "about:")):
                found.append(f"external request: {url[:120]}")
        elif method == "Network.loadingFailed" and not p.get("canceled"):
            found.append(f"failed to load a resource: {p.get('errorText')}")
    return found


async def _check(browser: Browser, path: Path, shot: Path | None) -> PageReport:
    report = PageReport(path=path)
    target = (await browser.send("Target.createTarget", {"url": "about:blank"}))["targetId"]
    session = (await browser.send("Target.attachToTarget", {"targetId": target, "flatten": True}))["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        await browser.send(f"{domain}.enable", session=session)
    await browser.send("Emulation.setDeviceMetricsOverride",
                       {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session)
    nav = await browser.send("Page.navigate", {"url": path.resolve().as_uri()}, session)
    if nav.get("errorText"):
        report.problems.append(f"navigation failed: {nav['errorText']}")
    await browser.wait_for(session, "Page.loadEventFired")
    await asyncio.sleep(0.3)  # late console messages and image decoding
    probe = json.loads((await browser.send("Runtime.evaluate", {"expression": PROBE, "returnByValue": True},
                                           session))["result"]["value"])
    report.title, report.text, report.images = probe["title"], probe["text"], len(probe["images"])
    report.problems += [f"image did not load: {img['src']}" for img in probe["images"] if not img["ok"]]
    if shot is not None:
        height = min(int(probe["height"]), 8000)
        data = await browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                  "clip": {"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1}}, session)
        shot.parent.mkdir(parents=True, exist_ok=True)
        shot.write_bytes(base64.b64decode(data["data"]))
        report.screenshot = shot
    report.problems[:0] = _problems(browser.events.get(session, []))
    await browser.send("Target.closeTarget", {"targetId": target})
    return report


async def _check_all(binary: str, pages: list[Path], shots: Path | None) -> list[PageReport]:
    async with Browser(binary) as browser:
        return [await _check(browser, page, shots / f"{page.stem}.png" if shots else None) for page in pages]


def check_pages(pages: list[Path], screenshots: Path | None = None, binary: str | None = None) -> list[PageReport]:
    """Load each page in one headless Chromium; screenshots go to ``screenshots/NAME.png``."""
    binary = binary or find_chromium()
    if binary is None:
        raise FileNotFoundError("Chromium not found: install Debian's `chromium` package or set CHROMIUM")
    return asyncio.run(_check_all(binary, pages, screenshots))


def check_folder(folder: Path) -> list[PageReport]:
    """Every ``*.html`` of a report folder, screenshots under ``folder/screenshots``."""
    pages = sorted(folder.glob("*.html"))
    if not pages:
        raise FileNotFoundError(f"no .html files in {folder}")
    return check_pages(pages, folder / "screenshots")


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    paths = [Path(a) for a in argv]
    try:
        if len(paths) == 1 and paths[0].is_dir():
            reports = check_folder(paths[0])
        else:
            reports = check_pages(paths, paths[0].parent / "screenshots")
    except FileNotFoundError as exc:
        print(f"browser check: {exc}", file=sys.stderr)
        return 2
    for rep in reports:
        status = "ok" if not rep.problems else f"{len(rep.problems)} problem(s)"
        print(f"{rep.path.name}: {status}, {rep.images} images, screenshot {rep.screenshot}")
        for problem in rep.problems:
            print(f"  - {problem}")
    bad = sum(1 for r in reports if r.problems)
    print(f"{len(reports) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
