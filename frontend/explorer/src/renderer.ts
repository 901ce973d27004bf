// Sigma (WebGL) rendering of the explorer's graph: kind colours, placeholders drawn
// hollow and grey, path highlight, selection rings, edge labels on hover.

import { createNodeBorderProgram } from "@sigma/node-border";
import Sigma from "sigma";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";

import type { Explorer } from "./explorer";
import {
  DIM_COLOR,
  HIGHLIGHT_COLOR,
  PLACEHOLDER_BORDER,
  PLACEHOLDER_FILL,
  labelForEdge,
} from "./style";
import type { EdgeAttrs, NodeAttrs, NodeId } from "./types";

export type ExplorerSigma = Sigma<NodeAttrs, EdgeAttrs>;

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

type NodeView = Partial<NodeDisplayData> & Record<string, unknown>;

function reduceNode(explorer: Explorer, hover: Hover, id: NodeId, data: NodeAttrs): NodeView {
  const out: NodeView = { ...data, type: "bordered", borderSize: 0, borderColor: data.color };
  if (!explorer.visible.has(id)) return { ...out, hidden: true };
  if (!data.inCorpus) {
    Object.assign(out, { color: PLACEHOLDER_FILL, borderColor: PLACEHOLDER_BORDER, borderSize: 0.3 });
    if (explorer.view.layout === "layered") out.forceLabel = true;
  }
  const path = explorer.highlight.nodes;
  if (path.size && !path.has(id)) Object.assign(out, { color: DIM_COLOR, borderColor: DIM_COLOR });
  if (path.has(id)) Object.assign(out, { forceLabel: true, zIndex: 2 });
  if (explorer.view.selected.includes(id)) {
    Object.assign(out, { borderColor: "#111827", borderSize: 0.28, forceLabel: true, zIndex: 3 });
    out.highlighted = true;
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
  const out: Partial<EdgeDisplayData> & EdgeAttrs = { ...data, type: "arrow", label: null };
  const path = state.highlight.edges;
  if (path.size) {
    if (path.has(id)) Object.assign(out, { color: HIGHLIGHT_COLOR, size: 3.2, zIndex: 2 });
    else out.color = DIM_COLOR;
  }
  const hovered = hover.edge === id || hover.node === source || hover.node === target;
  if (hovered) Object.assign(out, { label: labelForEdge(data.rel), forceLabel: true, zIndex: 3 });
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
    defaultNodeType: "bordered",
    nodeProgramClasses: { bordered: BorderedNode },
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
