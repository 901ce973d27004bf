"""The explorer page in a real headless Chromium, against the app on loopback over the
corpus store: search and place, expand, reference chains with placeholders, paths,
the time slider, shareable URLs, exports, undo and the details panel.

Assertions read the graph state from the page's test hook ``window.__explorer.state()``
(node ids, visible ids, highlight, layout); screenshots go to the artifacts folder."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from tests.explorer.conftest import UNCLASSIFIED_TOKEN, ExplorerPage

pytestmark = pytest.mark.browser

SEED = "cable:08STATE68633"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def state(page: Any) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate("window.__explorer.state()")
    return result


def wait_idle(page: Any, condition: str = "true") -> dict[str, Any]:
    """Wait until no request is pending and ``condition`` (JS over ``s``) holds."""
    page.wait_for_function(
        f"() => {{ const s = window.__explorer.state(); return !s.busy && ({condition}); }}",
        timeout=30_000,
    )
    return state(page)


def open_explorer(ex: ExplorerPage, hash_: str = "") -> None:
    ex.page.goto(ex.url + (f"#{hash_}" if hash_ else ""))
    ex.page.wait_for_function("window.__explorer !== undefined")
    ex.page.evaluate("window.__explorer.ready")
    wait_idle(ex.page)


def place_by_search(page: Any, text: str, node_id: str) -> None:
    """Type into the search box with the `/` shortcut and pick ``node_id``."""
    page.locator("#canvas").focus()
    page.keyboard.press("/")
    page.keyboard.type(text)
    hit = page.locator(f'.search-hit[data-id="{node_id}"]')
    hit.wait_for(timeout=15_000)
    hit.click()
    wait_idle(page, f"s.nodes.includes({json.dumps(node_id)})")


def node_center(page: Any, node_id: str) -> tuple[float, float]:
    at = page.evaluate("id => window.__explorer.nodePosition(id)", node_id)
    assert at is not None, f"{node_id} is not drawn"
    return at["x"], at["y"]


def shoot(page: Any, artifacts_dir: Path, name: str) -> None:
    page.mouse.move(2, 790)
    page.wait_for_timeout(300)
    page.screenshot(path=str(artifacts_dir / f"explorer-{name}.png"))


def test_search_places_the_seed_and_double_click_expands_it(
    explorer: ExplorerPage, artifacts_dir: Path
) -> None:
    page = explorer.page
    open_explorer(explorer)
    page.locator("#canvas").focus()
    page.keyboard.press("/")
    page.keyboard.type("08STATE68633")
    page.locator(f'.search-hit[data-id="{SEED}"]').wait_for(timeout=15_000)
    groups = page.locator(".search-group").all_inner_texts()
    assert any(g.upper().startswith("CABLE") for g in groups), groups
    shoot(page, artifacts_dir, "search")
    page.locator(f'.search-hit[data-id="{SEED}"]').click()
    placed = wait_idle(page, f"s.nodes.length === 1 && s.selected[0] === {json.dumps(SEED)}")
    assert placed["nodes"] == [SEED]

    x, y = node_center(page, SEED)
    page.mouse.dblclick(x, y)
    expanded = wait_idle(page, "s.nodes.length > 1")
    assert SEED in expanded["nodes"]
    assert any(n.startswith("post:") for n in expanded["nodes"]), expanded["nodes"]
    assert expanded["edges"] >= len(expanded["nodes"]) - 1
    assert "cable:08STATE68633" in page.locator("#details").inner_text()
    shoot(page, artifacts_dir, "expanded")


def test_reference_chain_is_layered_with_placeholders(
    explorer: ExplorerPage, artifacts_dir: Path
) -> None:
    page = explorer.page
    open_explorer(explorer)
    place_by_search(page, "08STATE68633", SEED)
    page.locator("#chain-depth").fill("3")
    page.locator("#act-chain").click()
    chain = wait_idle(page, "s.layout === 'layered' && s.nodes.length > 1")
    tokyo = [p for p in chain["placeholders"] if "TOKYO" in p]
    assert len(tokyo) >= 4, chain["placeholders"]
    assert page.locator('input[name="layout"][value="layered"]').is_checked()
    attrs = page.evaluate("id => window.__explorer.nodeAttributes(id)", tokyo[0])
    assert attrs["inCorpus"] is False
    # Placeholders sit one layer below the seed (they are cited by it).
    seed_y = page.evaluate(f"window.__explorer.nodeAttributes({json.dumps(SEED)}).y")
    assert attrs["y"] < seed_y
    # On the canvas as in the legend: a dashed grey ring, not a filled disc.
    drawn = page.evaluate("id => window.__explorer.nodeDisplay(id)", tokyo[0])
    assert drawn == {"type": "placeholder", "color": "#8a939e"}, drawn
    assert page.evaluate(f"window.__explorer.nodeDisplay({json.dumps(SEED)}).type") == "bordered"
    swatch = page.locator(".swatch-placeholder").evaluate(
        "el => [getComputedStyle(el).borderTopStyle, getComputedStyle(el).borderTopColor]"
    )
    assert swatch == ["dashed", "rgb(138, 147, 158)"], swatch
    shoot(page, artifacts_dir, "chain")


def test_path_between_two_posts_is_highlighted(explorer: ExplorerPage, artifacts_dir: Path) -> None:
    page = explorer.page
    open_explorer(explorer)
    place_by_search(page, "TOKYO", "post:TOKYO")
    place_by_search(page, "USNATO", "post:USNATO")
    x, y = node_center(page, "post:TOKYO")
    page.mouse.click(x, y)
    page.wait_for_timeout(400)  # two clicks within 300 ms are a double-click for sigma
    x, y = node_center(page, "post:USNATO")
    page.keyboard.down("Shift")
    page.mouse.click(x, y)
    page.keyboard.up("Shift")
    selected = wait_idle(page, "s.selected.length === 2")
    assert sorted(selected["selected"]) == ["post:TOKYO", "post:USNATO"]
    page.locator("#canvas").focus()
    page.keyboard.press("p")
    found = wait_idle(page, "s.highlight.nodes.length > 0")
    path_nodes = found["highlight"]["nodes"]
    assert {"post:TOKYO", "post:USNATO"} <= set(path_nodes)
    assert len(found["highlight"]["edges"]) == len(path_nodes) - 1
    assert set(path_nodes) <= set(found["visible"])
    shoot(page, artifacts_dir, "path")


def test_time_slider_filters_the_graph_and_the_url_restores_the_view(
    explorer: ExplorerPage, artifacts_dir: Path
) -> None:
    page = explorer.page
    open_explorer(explorer, "s=p~post:TOKYO;e~post:TOKYO~~&sel=post:TOKYO")
    before = wait_idle(page, "s.nodes.length > 5")
    dates = page.evaluate(
        "() => window.__explorer.state().visible"
        ".map(id => window.__explorer.nodeAttributes(id).date).filter(Boolean).sort()"
    )
    assert len(set(d[:7] for d in dates)) > 1, dates
    months: list[str] = page.evaluate("window.__explorer.months()")
    assert len(months) > 1
    # Move the upper handle to the month of the median cable: later ones disappear.
    median = dates[len(dates) // 2][:7]
    index = months.index(median)
    page.locator("#time-to").fill(str(index))
    after = wait_idle(page, f"s.timeTo === {json.dumps(median)}")
    assert len(after["visible"]) < len(before["visible"])
    later = page.evaluate(
        "m => window.__explorer.state().visible.map(id => window.__explorer.nodeAttributes(id))"
        ".filter(a => a.date && a.date.slice(0, 7) > m).length",
        median,
    )
    assert later == 0
    assert f"t=..{median}" in page.url
    shoot(page, artifacts_dir, "time-window")

    # Hide one node too, then reload: the same view comes back.
    victim = next(n for n in after["visible"] if n != "post:TOKYO")
    page.evaluate("id => window.__explorer.select([id])", victim)
    page.locator("#canvas").focus()
    page.keyboard.press("Delete")
    hidden = wait_idle(page, f"!s.nodes.includes({json.dumps(victim)})")
    page.reload()
    page.wait_for_function("window.__explorer !== undefined")
    page.evaluate("window.__explorer.ready")
    restored = wait_idle(page, "s.nodes.length > 0")
    for key in ("nodes", "visible", "edges", "layout", "timeFrom", "timeTo", "placeholders"):
        assert restored[key] == hidden[key], key
    assert page.locator("#time-label").inner_text().endswith(median)
    shoot(page, artifacts_dir, "reloaded")


def test_undo_restores_hidden_nodes_and_layout_is_shared(explorer: ExplorerPage) -> None:
    page = explorer.page
    open_explorer(explorer, f"s=p~{SEED};c~{SEED}~2&l=layered&sel={SEED}")
    chain = wait_idle(page, "s.nodes.length > 1")
    assert chain["layout"] == "layered"
    page.locator("#canvas").focus()
    page.keyboard.press("Delete")
    hidden = wait_idle(page, f"!s.nodes.includes({json.dumps(SEED)})")
    assert len(hidden["nodes"]) == len(chain["nodes"]) - 1
    page.keyboard.press("Control+z")
    undone = wait_idle(page, f"s.nodes.includes({json.dumps(SEED)})")
    assert undone["nodes"] == chain["nodes"]
    page.keyboard.press("l")
    assert wait_idle(page, "s.layout === 'force'")["nodes"] == chain["nodes"]
    assert "l=layered" not in page.url


def test_exports_png_graphml_and_json_of_the_visible_subgraph(
    explorer: ExplorerPage, artifacts_dir: Path
) -> None:
    page = explorer.page
    open_explorer(explorer, f"s=p~{SEED};e~{SEED}~~")
    view = wait_idle(page, "s.nodes.length > 1")

    with page.expect_download() as png_download:
        page.locator("#export-png").click()
    png = Path(png_download.value.path()).read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(png) > 5_000
    (artifacts_dir / "explorer-export.png").write_bytes(png)

    with page.expect_download() as graphml_download:
        page.locator("#export-graphml").click()
    assert png_download.value.suggested_filename.endswith(".png")
    assert graphml_download.value.suggested_filename.endswith(".graphml")
    root = ET.parse(graphml_download.value.path()).getroot()
    ids = sorted(n.attrib["id"] for n in root.iter(f"{GRAPHML}node"))
    assert ids == view["visible"]
    assert len(list(root.iter(f"{GRAPHML}edge"))) == view["visibleEdges"]

    with page.expect_download() as json_download:
        page.locator("#export-json").click()
    data = json.loads(Path(json_download.value.path()).read_text())
    assert sorted(n["id"] for n in data["nodes"]) == view["visible"]
    assert {e["type"] for e in data["edges"]} <= {
        "SENT",
        "SENT_TO",
        "CITES",
        "REQUESTS",
        "TAGGED",
        "MENTIONS",
        "CLASSIFIED_BY",
        "SIGNED_BY",
        "LOCATED_IN",
        "DENOTES",
    }


def test_expand_filters_limit_edge_types(explorer: ExplorerPage) -> None:
    page = explorer.page
    open_explorer(explorer, f"s=p~{SEED}&sel={SEED}")
    for box in page.locator('#edge-filters input[type="checkbox"]').all():
        if box.get_attribute("value") != "CITES":
            box.uncheck()
    page.locator("#act-expand").click()
    view = wait_idle(page, "s.nodes.length > 1")
    kinds = page.evaluate(
        "() => [...new Set(window.__explorer.state().nodes"
        ".map(id => window.__explorer.nodeAttributes(id).kind))]"
    )
    assert set(kinds) <= {"Cable", "Reference"}, kinds
    assert "f=CITES" in page.url
    assert view["steps"] == 2


def test_details_show_the_cable_and_a_token_limits_what_is_seen(
    explorer: ExplorerPage, artifacts_dir: Path
) -> None:
    page = explorer.page
    open_explorer(explorer, f"s=p~{SEED}&sel={SEED}")
    details = page.locator("#details")
    details.get_by_text("Header").wait_for(timeout=15_000)
    text = details.inner_text().upper()
    assert "CONFIDENTIAL" in text
    assert "ADDRESSEES" in text and "REFERENCES" in text and "08TOKYO" in text
    shoot(page, artifacts_dir, "details")

    page.locator("#token-input").fill(UNCLASSIFIED_TOKEN)
    page.locator("#token-form button").click()
    wait_idle(page)
    stored = page.evaluate("sessionStorage.getItem('cablegraph.token')")
    assert stored == UNCLASSIFIED_TOKEN
    assert f"Bearer {UNCLASSIFIED_TOKEN}" in explorer.watch.auth_headers
    # The CONFIDENTIAL seed is now invisible: gone from the canvas.
    page.wait_for_function(
        f"() => !window.__explorer.state().nodes.includes({json.dumps(SEED)})"
        " || document.querySelector('#details').innerText.includes('Not visible')",
        timeout=15_000,
    )


def test_keyboard_expand_and_context_menu_chain(explorer: ExplorerPage) -> None:
    page = explorer.page
    open_explorer(explorer, f"s=p~{SEED}&sel={SEED}")
    page.locator("#canvas").focus()
    page.keyboard.press("e")
    expanded = wait_idle(page, "s.nodes.length > 1")
    assert expanded["steps"] == 2
    x, y = node_center(page, SEED)
    page.mouse.click(x, y, button="right")
    menu = page.locator("#context-menu")
    menu.wait_for(state="visible")
    assert "08STATE68633" in menu.inner_text()
    menu.get_by_role("menuitem", name="Reference chain").click()
    chained = wait_idle(page, "s.layout === 'layered'")
    assert len(chained["placeholders"]) >= 4
    assert menu.is_hidden()
    page.keyboard.press("Escape")
    assert wait_idle(page, "s.selected.length === 0")["nodes"] == chained["nodes"]


def test_large_view_uses_cheap_programs_and_measures_frames(
    explorer: ExplorerPage, artifacts_dir: Path
) -> None:
    """Bench mode over 2,500 synthetic nodes (above the large-view threshold): plain
    nodes are non-instanced circles, edges 1-pixel lines, placeholders dashed rings; edges
    hide while the camera moves; the page's own frame measures are filled in."""
    page = explorer.page
    page.goto(explorer.url.replace("/explorer/", "/explorer/?bench=2500"))
    page.wait_for_function("window.__explorer !== undefined")
    page.evaluate("window.__explorer.ready")
    bench = page.evaluate("window.__bench")
    assert (bench["nodes"], bench["layoutMode"]) == (2500, "worker")
    ex = "window.__explorer"
    types = page.evaluate(
        f"[{ex}.nodeDisplay('cable:N1').type, {ex}.edgeDisplay('e1-0').type, {ex}.moveSettings()]"
    )
    assert types == ["dot", "thin", {"hideEdgesOnMove": True, "enableEdgeEvents": False}]
    placeholders = page.evaluate(f"{ex}.state().placeholders")
    assert placeholders and all(
        page.evaluate(f"{ex}.nodeDisplay({json.dumps(p)}).type") == "placeholder"
        for p in placeholders[:20]
    )
    # Idle: no render loop (one frame per vsync); a pan frame costs less than a
    # full render with edges, which the pan skips.
    assert bench["idleFrameMedianMs"] < 40, bench
    assert 0 < bench["panFrameMedianMs"] <= bench["frameMedianMs"], bench
    assert bench["renderSyncedMedianMs"] >= bench["renderMedianMs"] > 0, bench
    # Picking skipped mid-drag is back once the drag is over: a real drag, then a
    # click on a node selects it.
    page.mouse.move(900, 400)
    page.mouse.down()
    page.mouse.move(960, 430, steps=8)
    page.mouse.up()
    page.wait_for_timeout(400)
    hub = "cable:N0"
    x, y = node_center(page, hub)
    page.mouse.click(x, y)
    page.wait_for_function(f"{ex}.state().selected[0] === {json.dumps(hub)}", timeout=10_000)
    shoot(page, artifacts_dir, "large")
