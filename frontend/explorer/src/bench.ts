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
  renderSyncedMedianMs: number;
  frameMedianMs: number;
  frameP95Ms: number;
  panFrameMedianMs: number;
  panFrameP95Ms: number;
  idleFrameMedianMs: number;
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

const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/** Wait for every WebGL context of the renderer to finish (a 1-pixel readPixels
 * stalls until the GPU, here SwiftShader, has drawn everything queued). */
function syncGpu(app: App): void {
  const contexts = (app.sigma as unknown as { webGLContexts: Record<string, WebGLRenderingContext> }).webGLContexts;
  const pixel = new Uint8Array(4);
  for (const gl of Object.values(contexts)) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
}

/** One full render including the GPU's work, per call. */
function measureSyncedRenders(app: App, count: number): number[] {
  const camera = app.sigma.getCamera();
  const times: number[] = [];
  syncGpu(app);
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    camera.setState({ ratio: 0.7 + 0.05 * i, angle: 0 });
    app.sigma.refresh({ skipIndexation: true });
    syncGpu(app);
    times.push(performance.now() - t0);
  }
  return times;
}

/** Frame intervals while a drag pans the camera as a user would (mouse events on
 * sigma's captor; large views hide edges and labels while moving). */
async function measurePan(app: App, count: number): Promise<number[]> {
  const layer = app.sigma.getMouseCaptor().container;
  const box = layer.getBoundingClientRect();
  const at = (dx: number) => ({ clientX: box.left + box.width / 2 + dx, clientY: box.top + box.height / 2, bubbles: true });
  layer.dispatchEvent(new MouseEvent("mousedown", { ...at(0), button: 0 }));
  const frames: number[] = [];
  let last = await nextFrame();
  for (let i = 1; i <= count; i++) {
    document.dispatchEvent(new MouseEvent("mousemove", at(60 * Math.sin(i / 6))));
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
  }
  document.dispatchEvent(new MouseEvent("mouseup", at(0)));
  return frames.slice(2);
}

/** Frame intervals with nothing to draw: proves no render loop runs when idle. */
async function measureIdle(count: number): Promise<number[]> {
  const frames: number[] = [];
  let last = await nextFrame();
  for (let i = 0; i < count; i++) {
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
  }
  return frames;
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
  await new Promise((resolve) => window.setTimeout(resolve, 300)); // the layout worker is gone
  const idle = await measureIdle(20);
  const synced = measureSyncedRenders(app, 7);
  const { frames, renders } = await measureFrames(app, 90);
  const pan = await measurePan(app, 40);
  return {
    nodes: graph.order,
    edges: graph.size,
    layoutMs,
    layoutMode: graph.order > WORKER_THRESHOLD ? "worker" : "sync",
    fa2SyncMs,
    renderMedianMs: median(renders),
    renderSyncedMedianMs: median(synced),
    frameMedianMs: median(frames),
    frameP95Ms: percentile(frames, 0.95),
    panFrameMedianMs: median(pan),
    panFrameP95Ms: percentile(pan, 0.95),
    idleFrameMedianMs: median(idle),
    frames: frames.length,
  };
}
