// Test hooks on `window.__explorer`: tests assert on graph state, not on pixels.

import type { App } from "./app";
import type { NodeId } from "./types";

export interface ExplorerState {
  nodes: NodeId[];
  visible: NodeId[];
  edges: number;
  visibleEdges: number;
  placeholders: NodeId[];
  selected: NodeId[];
  highlight: { nodes: NodeId[]; edges: string[] };
  layout: string;
  steps: number;
  busy: boolean;
  truncated: boolean;
  layoutMs: number;
  timeFrom: string | null;
  timeTo: string | null;
  canUndo: boolean;
}

function state(app: App): ExplorerState {
  const { explorer } = app;
  const graph = explorer.graph;
  const visible = graph.filterNodes((id) => explorer.visible.has(id)).sort();
  const visibleEdges = graph.filterEdges((_e, _a, s, t) => explorer.visible.has(s) && explorer.visible.has(t));
  return {
    nodes: graph.nodes().sort(),
    visible,
    edges: graph.size,
    visibleEdges: visibleEdges.length,
    placeholders: visible.filter((id) => !graph.getNodeAttribute(id, "inCorpus")),
    selected: [...explorer.view.selected],
    highlight: { nodes: [...explorer.highlight.nodes].sort(), edges: [...explorer.highlight.edges].sort() },
    layout: explorer.view.layout,
    steps: explorer.view.steps.length,
    busy: explorer.busy > 0,
    truncated: explorer.truncated,
    layoutMs: explorer.layoutMs,
    timeFrom: explorer.view.timeFrom,
    timeTo: explorer.view.timeTo,
    canUndo: explorer.canUndo(),
  };
}

/** Where a node is drawn, in page coordinates (for real clicks in tests). */
function nodePosition(app: App, id: NodeId): { x: number; y: number } | null {
  if (!app.explorer.graph.hasNode(id)) return null;
  const display = app.sigma.getNodeDisplayData(id);
  if (!display) return null;
  const at = app.sigma.framedGraphToViewport(display);
  const box = app.sigma.getContainer().getBoundingClientRect();
  return { x: box.left + at.x, y: box.top + at.y };
}

/** The program and colour a node or edge is drawn with (after the reducers). */
function display(app: App, kind: "node" | "edge", id: string): { type: string; color: string } | null {
  const data = kind === "node" ? app.sigma.getNodeDisplayData(id) : app.sigma.getEdgeDisplayData(id);
  return data ? { type: data.type, color: data.color } : null;
}

export function installHooks(app: App, ready: Promise<void>): void {
  (window as unknown as { __explorer: unknown }).__explorer = {
    ready,
    state: () => state(app),
    nodePosition: (id: NodeId) => nodePosition(app, id),
    months: () => app.slider.monthList(),
    select: (ids: NodeId[]) => app.explorer.setSelected(ids),
    nodeDisplay: (id: NodeId) => display(app, "node", id),
    edgeDisplay: (id: string) => display(app, "edge", id),
    moveSettings: () => ({
      hideEdgesOnMove: app.sigma.getSetting("hideEdgesOnMove"),
      enableEdgeEvents: app.sigma.getSetting("enableEdgeEvents"),
    }),
    nodeAttributes: (id: NodeId) => (app.explorer.graph.hasNode(id) ? app.explorer.graph.getNodeAttributes(id) : null),
  };
}
