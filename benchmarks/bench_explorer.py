"""Explorer benchmark: layout and frame times of the explorer page in headless Chromium.

    .venv/bin/python -m benchmarks.bench_explorer [--sizes 500 5000] [--repeat 3]

The page's bench mode (``/explorer/?bench=N``) builds a deterministic cable-like graph of
N nodes and about 2N edges, then measures in the page (results in ``window.__bench``):

- ``fa2SyncMs``: ForceAtlas2, synchronous, the full iteration count the explorer uses for
  that size (200 at 500 nodes, 120 at 5,000), no time budget: the layout cost itself;
- ``layoutMs``: the layout as the explorer runs it: synchronous with a 1.2 s budget up to
  1,500 nodes, above that ForceAtlas2's web worker for a fixed 1.5 s while the page stays
  responsive;
- ``frameMedianMs``/``frameP95Ms``: intervals between animation frames while the camera
  zooms and pans by script with one full sigma render per frame, edges included (90
  frames): the worst case; ``renderMedianMs``, the main-thread cost of one render call;
- ``renderSyncedMedianMs``: one render call plus a 1-pixel ``readPixels`` on every WebGL
  context, which waits for the GPU (here SwiftShader) to finish: the whole cost of a
  frame, independent of how the browser schedules animation frames;
- ``panFrameMedianMs``/``panFrameP95Ms``: frame intervals during a mouse drag (events on
  sigma's captor, one move per frame, 40 frames): what a user panning sees. Above 2,000
  nodes the explorer hides edges and labels while the camera moves, as sigma allows;
- ``idleFrameMedianMs``: frame intervals with nothing to draw after the layout stopped
  (about 16.7 ms: no render loop runs when idle).

The app is served on loopback over an empty embedded store (the bench mode needs no data).
Chromium is Debian's, with the flags of the browser tests (``--disable-gpu``: WebGL runs on
SwiftShader, a CPU rasteriser, through ANGLE's Vulkan backend, so frame times are an upper
bound of what a GPU gives). Playwright starts it in the new headless mode (the only one
this Chromium has); ``--use-gl=angle --use-angle=swiftshader --enable-unsafe-swiftshader``
reach the same SwiftShader backend and measured the same within noise.
Results (medians over ``--repeat`` page loads, and the load average, since the machine is
shared) go to ``benchmarks/out/bench_explorer.json``. Target (issue 5): a 500-node layout
under 2 s; interactive with 5,000 nodes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
from pathlib import Path
from typing import Any

from api.app import EXPLORER_DIR, create_app
from api.settings import Settings
from graph.sqlite_store import SQLiteStore
from tests.explorer.conftest import CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent

OUT = ROOT / "benchmarks" / "out" / "bench_explorer.json"
KEYS = (
    "fa2SyncMs",
    "layoutMs",
    "frameMedianMs",
    "frameP95Ms",
    "renderMedianMs",
    "renderSyncedMedianMs",
    "panFrameMedianMs",
    "panFrameP95Ms",
    "idleFrameMedianMs",
)


def measure(browser: Any, base: str, size: int) -> dict[str, Any]:
    """One page load in bench mode; the page's ``window.__bench``."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors: list[str] = []

    def on_console(message: Any) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    try:
        page.goto(f"{base}/explorer/?bench={size}", wait_until="commit")
        page.wait_for_function("window.__explorer !== undefined")
        page.evaluate("window.__explorer.ready")
        result: dict[str, Any] = page.evaluate("window.__bench")
    finally:
        page.close()
    if errors:
        raise RuntimeError(f"bench page {size}: console errors {errors}")
    return result


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians of every timing over the runs, with the graph size and layout mode."""
    first = runs[0]
    summary: dict[str, Any] = {
        "nodes": first["nodes"],
        "edges": first["edges"],
        "layoutMode": first["layoutMode"],
    }
    for key in KEYS:
        summary[key] = round(statistics.median(r[key] for r in runs), 1)
    summary["runs"] = runs
    return summary


def run(sizes: list[int], repeat: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("needs Debian's chromium")
    if not (EXPLORER_DIR / "index.html").is_file():
        raise SystemExit("the explorer is not built: cd frontend/explorer && npm run build")
    results: dict[str, Any] = {"load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore.open(str(Path(tmp) / "empty.db"))
        served = serve(create_app(Settings(), store))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                for size in sizes:
                    runs = [measure(browser, served.url, size) for _ in range(repeat)]
                    results[str(size)] = summarise(runs)
                    print(json.dumps({k: v for k, v in results[str(size)].items() if k != "runs"}))
                browser.close()
        finally:
            served.server.should_exit = True
            served.thread.join(timeout=10)
    results["load_after"] = os.getloadavg()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = run(args.sizes, args.repeat)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2))
    print(f"load average before {results['load_before']}, after {results['load_after']}")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
