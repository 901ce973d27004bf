// `?bench=N`: a synthetic graph of N nodes, laid out and rendered as the explorer
// does it; results in `window.__bench` (see benchmarks/bench_explorer.py).

import type { App } from "./app";
import { forceLayout, forceLayoutSync, WORKER_THRESHOLD } from "./layout";
import { mergePayload, fillLocalDegrees, hashUnit } from "./graph";
import type { EdgeKind, NodeKind, Payload, PayloadEdge, PayloadNode } from "./types";

export interface BenchResult {
  nodes: number;
  edges: number;
  layoutMs: number;
  layoutMode: "sync" | "worker";
  fa2SyncMs: number;
  renderMedianMs: number;
  frameMedianMs: number;
  frameP95Ms: number;
  frames: number;
}

const KINDS: NodeKind[] = ["Cable", "Cable", "Cable", "Cable", "Post", "Official", "Country", "Tag"];
const RELS: Record<NodeKind, EdgeKind> = {
  Cable: "CITES", Post: "SENT", Official: "MENTIONS", Country: "MENTIONS",
  Tag: "TAGGED", Organization: "MENTIONS", Asset: "MENTIONS", Reference: "CITES",
};

/** A deterministic cable-like graph: cables citing earlier cables, linked to entities. */
export function syntheticPayload(n: number): Payload {
  const nodes: PayloadNode[] = [];
  const edges: PayloadEdge[] = [];
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length];
    const year = 2000 + Math.floor(hashUnit(`y${i}`) * 10);
    const date = kind === "Cable" ? `${year}-0${1 + (i % 9)}-15` : null;
    nodes.push({ id: `${kind.toLowerCase()}:N${i}`, kind, label: `${kind} ${i}`, date, inCorpus: hashUnit(`p${i}`) > 0.1 });
  }
  for (let i = 1; i < n; i++) {
    for (let k = 0; k < 2; k++) {
      // preferential-ish: square of a uniform number favours early (hub) nodes
      const j = Math.floor(hashUnit(`e${i}:${k}`) ** 2 * i);
      const rel = RELS[nodes[j].kind];
      edges.push({ id: `e${i}-${k}`, source: nodes[i].id, target: nodes[j].id, type: rel });
    }
  }
  return { nodes, edges, truncated: false };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0;
}

/** Frame intervals while the camera zooms and pans, one render per animation frame. */
function measureFrames(app: App, count: number): Promise<{ frames: number[]; renders: number[] }> {
  const camera = app.sigma.getCamera();
  const frames: number[] = [];
  const renders: number[] = [];
  return new Promise((resolve) => {
    let last = performance.now();
    let i = 0;
    const tick = (now: number) => {
      frames.push(now - last);
      last = now;
      const t0 = performance.now();
      camera.setState({ ratio: 0.6 + 0.4 * Math.cos(i / 8), x: 0.5 + 0.1 * Math.sin(i / 10), angle: 0 });
      app.sigma.refresh({ skipIndexation: true });
      renders.push(performance.now() - t0);
      if (++i < count) requestAnimationFrame(tick);
      else resolve({ frames: frames.slice(2), renders });
    };
    requestAnimationFrame(tick);
  });
}

export async function runBench(app: App, n: number): Promise<BenchResult> {
  await new Promise((resolve) => window.setTimeout(resolve, 50)); // let the page load first
  const graph = app.explorer.graph;
  const payload = syntheticPayload(n);
  mergePayload(graph, payload, null);
  fillLocalDegrees(graph);
  const snapshot = graph.export();
  let t0 = performance.now();
  forceLayoutSync(graph, Number.POSITIVE_INFINITY);
  const fa2SyncMs = performance.now() - t0;
  graph.import(snapshot, true);
  t0 = performance.now();
  await forceLayout(graph);
  const layoutMs = performance.now() - t0;
  app.explorer.notify();
  const { frames, renders } = await measureFrames(app, 90);
  return {
    nodes: graph.order,
    edges: graph.size,
    layoutMs,
    layoutMode: graph.order > WORKER_THRESHOLD ? "worker" : "sync",
    fa2SyncMs,
    renderMedianMs: median(renders),
    frameMedianMs: median(frames),
    frameP95Ms: percentile(frames, 0.95),
    frames: frames.length,
  };
}
