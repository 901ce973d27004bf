// The explorer's graph: a graphology multigraph fed by Subgraph payloads, plus
// snapshots for undo. Pure data; no DOM, no sigma.

import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";

import { KIND_COLORS, colorForEdge, sizeForDegree } from "./style";
import type { EdgeAttrs, NodeAttrs, NodeId, NodeKind, Payload, PayloadNode } from "./types";
import { NODE_KINDS } from "./types";

export type ExplorerGraph = Graph<NodeAttrs, EdgeAttrs>;

export function createGraph(): ExplorerGraph {
  return new Graph<NodeAttrs, EdgeAttrs>({ multi: true, type: "directed", allowSelfLoops: false });
}

/** A number in [0, 1) from a string, stable across runs (FNV-1a). */
export function hashUnit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 4294967296;
}

/** The node kind an id was made for (`cable:08STATE68633` → Cable). */
export function kindOfId(id: NodeId): NodeKind {
  const slug = id.slice(0, id.indexOf(":")).toLowerCase();
  return NODE_KINDS.find((k) => k.toLowerCase() === slug) ?? "Reference";
}

function attrsFor(node: PayloadNode, x: number, y: number): NodeAttrs {
  const inCorpus = node.kind !== "Cable" || node.inCorpus !== false;
  const degree = node.degree ?? 0;
  return {
    kind: node.kind,
    label: node.label || node.id,
    date: node.date ?? null,
    inCorpus,
    degree,
    props: node.props ?? {},
    x,
    y,
    size: sizeForDegree(degree),
    color: KIND_COLORS[node.kind] ?? KIND_COLORS.Reference,
  };
}

/** Where a new node starts: near its anchor, at an angle fixed by its id. */
function seedPosition(graph: ExplorerGraph, id: NodeId, anchor: NodeId | null): [number, number] {
  const angle = hashUnit(id) * 2 * Math.PI;
  const radius = 1 + 4 * hashUnit(`${id}#r`);
  const origin = anchor && graph.hasNode(anchor) ? graph.getNodeAttributes(anchor) : { x: 0, y: 0 };
  return [origin.x + radius * Math.cos(angle), origin.y + radius * Math.sin(angle)];
}

/** Add a payload's nodes and edges; returns the ids of the nodes that were new. */
export function mergePayload(
  graph: ExplorerGraph,
  payload: Payload,
  anchor: NodeId | null,
): NodeId[] {
  const added: NodeId[] = [];
  for (const node of payload.nodes) {
    if (!graph.hasNode(node.id)) {
      const [x, y] = seedPosition(graph, node.id, anchor);
      graph.addNode(node.id, attrsFor(node, x, y));
      added.push(node.id);
    } else {
      updateNode(graph, node);
    }
  }
  for (const edge of payload.edges) {
    if (graph.hasEdge(edge.id) || edge.source === edge.target) continue;
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
      rel: edge.type,
      props: edge.props ?? {},
      size: edge.type === "CITES" ? 1.6 : 1,
      color: colorForEdge(edge.type),
    });
  }
  return added;
}

/** Refresh what a later payload knows better: a loaded cable beats a placeholder. */
function updateNode(graph: ExplorerGraph, node: PayloadNode): void {
  const current = graph.getNodeAttributes(node.id);
  const fresh = attrsFor(node, current.x, current.y);
  if (!current.inCorpus && fresh.inCorpus) graph.mergeNodeAttributes(node.id, fresh);
  if ((node.degree ?? 0) > current.degree) {
    graph.mergeNodeAttributes(node.id, { degree: fresh.degree, size: fresh.size });
  }
  if (node.date && !current.date) graph.setNodeAttribute(node.id, "date", node.date);
}

/** Give nodes the server sent without a degree their degree in the view. */
export function fillLocalDegrees(graph: ExplorerGraph): void {
  graph.forEachNode((id, attrs) => {
    const local = graph.degree(id);
    if (local > attrs.degree) {
      graph.mergeNodeAttributes(id, { degree: local, size: sizeForDegree(local) });
    }
  });
}

export function dropNodes(graph: ExplorerGraph, ids: Iterable<NodeId>): void {
  for (const id of ids) if (graph.hasNode(id)) graph.dropNode(id);
}

export type Snapshot = SerializedGraph<NodeAttrs, EdgeAttrs>;

export function takeSnapshot(graph: ExplorerGraph): Snapshot {
  return graph.export();
}

export function restoreSnapshot(graph: ExplorerGraph, snapshot: Snapshot): void {
  graph.clear();
  graph.import(snapshot);
}

/** Node counts per kind (for the legend). */
export function countKinds(graph: ExplorerGraph, visible: Set<NodeId>): Map<NodeKind, number> {
  const counts = new Map<NodeKind, number>();
  graph.forEachNode((id, attrs) => {
    if (visible.has(id)) counts.set(attrs.kind, (counts.get(attrs.kind) ?? 0) + 1);
  });
  return counts;
}
