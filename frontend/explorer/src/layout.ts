// Layouts: ForceAtlas2 (synchronous for small views, its web worker for large ones)
// and a layered, time-ordered layout for reference chains.

import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";

import type { ExplorerGraph } from "./graph";
import type { NodeId } from "./types";

/** Above this many nodes the force layout runs in a web worker, in a time budget. */
export const WORKER_THRESHOLD = 1500;
const WORKER_BUDGET_MS = 1500;
const ROW_WIDTH = 16;
const GAP = 10;
const ROW_GAP = 26;
const SUB_ROW_GAP = 11;

function iterationsFor(order: number): number {
  if (order <= 100) return 400;
  if (order <= 500) return 200;
  return 120;
}

function settingsFor(graph: ExplorerGraph) {
  return {
    ...forceAtlas2.inferSettings(graph),
    adjustSizes: false,
    barnesHutOptimize: graph.order > 300,
    gravity: 1,
    scalingRatio: 8,
    slowDown: 2,
  };
}

/** Synchronous ForceAtlas2 stops after this long even if iterations remain. */
export const SYNC_BUDGET_MS = 1200;
const CHUNK = 20;

/** Run ForceAtlas2 synchronously: a fixed number of iterations, in chunks, stopping
 * early when the time budget is spent (so a busy machine still answers in time). */
export function forceLayoutSync(graph: ExplorerGraph, budgetMs = SYNC_BUDGET_MS): number {
  if (graph.order < 2) return 0;
  const settings = settingsFor(graph);
  const total = iterationsFor(graph.order);
  const started = performance.now();
  let done = 0;
  while (done < total && performance.now() - started < budgetMs) {
    forceAtlas2.assign(graph, { iterations: CHUNK, settings });
    done += CHUNK;
  }
  return done;
}

/** Run ForceAtlas2 in its web worker for a time budget; resolves when stopped. */
export function forceLayoutWorker(graph: ExplorerGraph, budgetMs = WORKER_BUDGET_MS): Promise<void> {
  const supervisor = new FA2LayoutSupervisor(graph, { settings: settingsFor(graph) });
  supervisor.start();
  return new Promise((resolve) => {
    window.setTimeout(() => {
      supervisor.stop();
      supervisor.kill();
      resolve();
    }, budgetMs);
  });
}

/** The force layout, in the worker when the graph is large. */
export async function forceLayout(graph: ExplorerGraph): Promise<void> {
  if (graph.order > WORKER_THRESHOLD) await forceLayoutWorker(graph);
  else forceLayoutSync(graph);
}

/**
 * Signed layers from the chain roots along CITES edges: what a root cites sits
 * below it (+1 per hop), what cites it above (-1 per hop). Breadth first, so a
 * node keeps its shortest distance.
 */
export function chainLayers(graph: ExplorerGraph, roots: NodeId[]): Map<NodeId, number> {
  const layer = new Map<NodeId, number>();
  let frontier = roots.filter((r) => graph.hasNode(r));
  for (const r of frontier) layer.set(r, 0);
  while (frontier.length) {
    const next: NodeId[] = [];
    for (const id of frontier) {
      const here = layer.get(id) ?? 0;
      graph.forEachOutEdge(id, (_e, attrs, _s, target) => {
        if (attrs.rel === "CITES" && !layer.has(target)) {
          layer.set(target, here + 1);
          next.push(target);
        }
      });
      graph.forEachInEdge(id, (_e, attrs, source) => {
        if (attrs.rel === "CITES" && !layer.has(source)) {
          layer.set(source, here - 1);
          next.push(source);
        }
      });
    }
    frontier = next;
  }
  return layer;
}

function byTime(graph: ExplorerGraph) {
  return (a: NodeId, b: NodeId): number => {
    const da = graph.getNodeAttribute(a, "date") ?? "";
    const db = graph.getNodeAttribute(b, "date") ?? "";
    return da === db ? a.localeCompare(b) : da.localeCompare(db);
  };
}

/** Place a row of nodes centred on x = 0 at height y, wrapped into staggered
 * sub-rows of at most ROW_WIDTH nodes; returns the height used. */
function placeRow(graph: ExplorerGraph, row: NodeId[], y: number): number {
  const lines = Math.ceil(row.length / ROW_WIDTH);
  for (let line = 0; line < lines; line++) {
    const chunk = row.slice(line * ROW_WIDTH, (line + 1) * ROW_WIDTH);
    const width = (chunk.length - 1) * GAP;
    const shift = line % 2 ? GAP / 2 : 0;
    chunk.forEach((id, i) => {
      graph.mergeNodeAttributes(id, { x: i * GAP - width / 2 + shift, y: y - line * SUB_ROW_GAP });
    });
  }
  return (lines - 1) * SUB_ROW_GAP;
}

/**
 * Layered layout: one row per chain layer (citing cables above, cited below),
 * each row ordered by date left to right; nodes off the chain go in a last row,
 * grouped by kind. Returns the number of layers.
 */
export function layeredLayout(graph: ExplorerGraph, roots: NodeId[]): number {
  const layers = chainLayers(graph, roots);
  const rows = new Map<number, NodeId[]>();
  for (const [id, l] of layers) rows.set(l, [...(rows.get(l) ?? []), id]);
  const order = [...rows.keys()].sort((a, b) => a - b);
  let y = 0;
  for (const l of order) {
    y -= placeRow(graph, (rows.get(l) ?? []).sort(byTime(graph)), y) + ROW_GAP;
  }
  const kindThenTime = (a: NodeId, b: NodeId): number => {
    const ka = graph.getNodeAttribute(a, "kind");
    const kb = graph.getNodeAttribute(b, "kind");
    return ka === kb ? byTime(graph)(a, b) : ka.localeCompare(kb);
  };
  placeRow(graph, graph.filterNodes((id) => !layers.has(id)).sort(kindThenTime), y);
  return order.length;
}
