// Sigma (WebGL) rendering of the explorer's graph: kind colours, placeholders drawn
// as dashed rings, path highlight, selection rings, edge labels on hover.
//
// Programs per item, cheapest that shows it: non-instanced circles ("dot") for plain nodes;
// dashed rings for placeholders (as in the legend); the bordered program only for selected nodes. Edges are arrows in
// small views; above LARGE_GRAPH nodes they are 1-pixel lines, and only highlighted
// or hovered edges keep their arrows (the "emph" program, drawn last, on top).

import { createNodeBorderProgram } from "@sigma/node-border";
import Sigma from "sigma";
import {
  createEdgeArrowHeadProgram,
  createEdgeClampedProgram,
  createEdgeCompoundProgram,
} from "sigma/rendering";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";

import { deinstanced } from "./deinstance";
import type { Explorer } from "./explorer";
import { EdgeThinProgram, NodeDashedRingProgram, NodeDotProgram } from "./programs";
import {
  DIM_COLOR,
  HIGHLIGHT_COLOR,
  PLACEHOLDER_BORDER,
  PLACEHOLDER_FILL,
  labelForEdge,
} from "./style";
import type { EdgeAttrs, NodeAttrs, NodeId } from "./types";

export type ExplorerSigma = Sigma<NodeAttrs, EdgeAttrs>;

/** Above this many nodes the renderer trades hover effects and arrows for frame time. */
export const LARGE_GRAPH = 2000;

/** What the pointer is over, for hover effects. */
export interface Hover {
  node: NodeId | null;
  edge: string | null;
}

const BorderedNode = createNodeBorderProgram<NodeAttrs, EdgeAttrs>({
  borders: [
    { size: { attribute: "borderSize", defaultValue: 0 }, color: { attribute: "borderColor" } },
    { size: { fill: true }, color: { attribute: "color" } },
  ],
});

/** Sigma's arrow (a clamped quad and a head) drawn without instancing. */
const ArrowEdge = createEdgeCompoundProgram<NodeAttrs, EdgeAttrs>([
  deinstanced(createEdgeClampedProgram<NodeAttrs, EdgeAttrs>()),
  deinstanced(createEdgeArrowHeadProgram<NodeAttrs, EdgeAttrs>()),
]);

/** Highlighted and hovered edges: arrows, in their own program so they draw last. */
const EmphasisEdge = createEdgeCompoundProgram<NodeAttrs, EdgeAttrs>([
  deinstanced(createEdgeClampedProgram<NodeAttrs, EdgeAttrs>()),
  deinstanced(createEdgeArrowHeadProgram<NodeAttrs, EdgeAttrs>()),
]);

type NodeView = Partial<NodeDisplayData> & Record<string, unknown>;

function reduceNode(explorer: Explorer, hover: Hover, id: NodeId, data: NodeAttrs): NodeView {
  const out: NodeView = { ...data, type: "dot" };
  if (!explorer.visible.has(id)) return { ...out, hidden: true };
  if (!data.inCorpus) {
    Object.assign(out, { type: "placeholder", color: PLACEHOLDER_BORDER });
    if (explorer.view.layout === "layered") out.forceLabel = true;
  }
  const path = explorer.highlight.nodes;
  if (path.size && !path.has(id)) out.color = DIM_COLOR;
  if (path.has(id)) Object.assign(out, { forceLabel: true, zIndex: 2 });
  if (explorer.view.selected.includes(id)) {
    const fill = data.inCorpus ? out.color : PLACEHOLDER_FILL;
    Object.assign(out, { type: "bordered", color: fill, borderColor: "#111827", borderSize: 0.28 });
    Object.assign(out, { forceLabel: true, zIndex: 3, highlighted: true });
  }
  if (hover.node === id) out.forceLabel = true;
  return out;
}

function reduceEdge(
  state: Explorer,
  hover: Hover,
  id: string,
  data: EdgeAttrs,
): Partial<EdgeDisplayData> {
  const graph = state.graph;
  const [source, target] = graph.extremities(id);
  if (!state.visible.has(source) || !state.visible.has(target)) return { ...data, hidden: true };
  const plain = graph.order > LARGE_GRAPH ? "thin" : "arrow";
  const out: Partial<EdgeDisplayData> & EdgeAttrs = { ...data, type: plain, label: null };
  const path = state.highlight.edges;
  if (path.size) {
    if (path.has(id)) Object.assign(out, { type: "emph", color: HIGHLIGHT_COLOR, size: 3.2, zIndex: 2 });
    else out.color = DIM_COLOR;
  }
  const hovered = hover.edge === id || hover.node === source || hover.node === target;
  if (hovered) Object.assign(out, { type: "emph", label: labelForEdge(data.rel), forceLabel: true, zIndex: 3 });
  if (hover.edge === id) Object.assign(out, { color: "#374151", size: Math.max(2, out.size ?? 1) });
  return out;
}

/** Create the sigma renderer over the explorer's graph in `container`. */
export function createRenderer(container: HTMLElement, state: Explorer, hover: Hover): ExplorerSigma {
  return new Sigma<NodeAttrs, EdgeAttrs>(state.graph, container, {
    allowInvalidContainer: true,
    renderEdgeLabels: true,
    enableEdgeEvents: true,
    defaultEdgeType: "arrow",
    defaultNodeType: "dot",
    // Registration order is drawing order: selected (bordered) nodes on top.
    nodeProgramClasses: { dot: NodeDotProgram, placeholder: NodeDashedRingProgram, bordered: BorderedNode },
    edgeProgramClasses: { arrow: ArrowEdge, thin: EdgeThinProgram, emph: EmphasisEdge },
    labelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    labelSize: 12,
    labelWeight: "500",
    labelColor: { color: "#1f2933" },
    edgeLabelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    edgeLabelSize: 11,
    edgeLabelColor: { color: "#374151" },
    labelRenderedSizeThreshold: 6,
    labelDensity: 0.6,
    zIndex: true,
    minCameraRatio: 0.02,
    maxCameraRatio: 20,
    stagePadding: 60,
    nodeReducer: (id, data) => reduceNode(state, hover, id, data),
    edgeReducer: (id, data) => reduceEdge(state, hover, id, data),
  });
}
