// Export the visible subgraph: PNG of the canvas, GraphML and JSON (browser downloads).

import type { ExplorerGraph } from "./graph";
import type { ExplorerSigma } from "./renderer";
import type { NodeId } from "./types";

export interface ExportNode {
  id: NodeId;
  kind: string;
  label: string;
  date: string | null;
  inCorpus: boolean;
  degree: number;
  x: number;
  y: number;
}

export interface ExportEdge {
  id: string;
  source: NodeId;
  target: NodeId;
  type: string;
}

export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/** The visible nodes and the edges between them. */
export function visibleSubgraph(graph: ExplorerGraph, visible: Set<NodeId>): ExportGraph {
  const nodes: ExportNode[] = [];
  graph.forEachNode((id, a) => {
    if (!visible.has(id)) return;
    const { kind, label, date, inCorpus, degree, x, y } = a;
    nodes.push({ id, kind, label, date, inCorpus, degree, x, y });
  });
  const edges: ExportEdge[] = [];
  graph.forEachEdge((id, a, source, target) => {
    if (visible.has(source) && visible.has(target)) edges.push({ id, source, target, type: a.rel });
  });
  return { nodes, edges };
}

/** XML-escape a text value. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const NODE_KEYS: [string, string][] = [
  ["kind", "string"],
  ["label", "string"],
  ["date", "string"],
  ["inCorpus", "boolean"],
  ["degree", "int"],
  ["x", "double"],
  ["y", "double"],
];

/** GraphML of an exported subgraph (directed; node and edge kinds as data keys). */
export function toGraphml(sub: ExportGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
  ];
  for (const [name, type] of NODE_KEYS) {
    lines.push(`  <key id="${name}" for="node" attr.name="${name}" attr.type="${type}"/>`);
  }
  lines.push('  <key id="type" for="edge" attr.name="type" attr.type="string"/>');
  lines.push('  <graph id="cablegraph" edgedefault="directed">');
  for (const node of sub.nodes) {
    lines.push(`    <node id="${escapeXml(node.id)}">`);
    for (const [name] of NODE_KEYS) {
      const value = node[name as keyof ExportNode];
      if (value !== null) lines.push(`      <data key="${name}">${escapeXml(String(value))}</data>`);
    }
    lines.push("    </node>");
  }
  for (const edge of sub.edges) {
    const attrs = `id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}"`;
    lines.push(`    <edge ${attrs}><data key="type">${edge.type}</data></edge>`);
  }
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}

/** Offer a blob as a download named `filename`. */
export function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Draw sigma's layers (WebGL and 2D) onto one white canvas, right after a render. */
export function canvasToPng(sigma: ExplorerSigma): Promise<Blob> {
  sigma.refresh();
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement("canvas");
  out.width = Math.round(width * ratio);
  out.height = Math.round(height * ratio);
  const ctx = out.getContext("2d");
  if (!ctx) return Promise.reject(new Error("PNG export: no 2D canvas context"));
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  const layers = sigma.getCanvases();
  for (const name of ["edges", "nodes", "edgeLabels", "labels", "hovers", "hoverNodes"]) {
    const layer = layers[name];
    if (layer) ctx.drawImage(layer, 0, 0, out.width, out.height);
  }
  return new Promise((resolve, reject) =>
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG export: empty canvas"))), "image/png"),
  );
}

/** A file name for an export: `cablegraph-<stamp>.<ext>`. */
export function exportName(ext: string, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return `cablegraph-${stamp}.${ext}`;
}
