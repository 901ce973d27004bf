// Styling by kind: colours, node sizes by degree, and the legend.

import type { EdgeKind, NodeKind } from "./types";

export const KIND_COLORS: Record<NodeKind, string> = {
  Cable: "#2f6db5",
  Post: "#d9822b",
  Country: "#3a9d5d",
  Official: "#b8417a",
  Organization: "#7b5cc4",
  Asset: "#8c6d46",
  Tag: "#2aa3a3",
  Reference: "#6b7785",
};

export const PLACEHOLDER_FILL = "#ffffff";
export const PLACEHOLDER_BORDER = "#8a939e";
export const EDGE_COLOR = "#c3cad3";
export const EDGE_CITES_COLOR = "#7d95b8";
export const HIGHLIGHT_COLOR = "#e8443a";
export const DIM_COLOR = "#e6e9ed";

/** Node size on screen from its degree: log-scaled between 4 and 15 pixels. */
export function sizeForDegree(degree: number): number {
  const d = Math.max(0, degree);
  return Math.min(15, 4 + 1.6 * Math.log2(1 + d));
}

/** The colour of an edge of a given kind. */
export function colorForEdge(rel: EdgeKind): string {
  return rel === "CITES" ? EDGE_CITES_COLOR : EDGE_COLOR;
}

/** Human label of an edge kind, shown on hover. */
export function labelForEdge(rel: EdgeKind): string {
  return rel.replace(/_/g, " ").toLowerCase();
}

/** Fill the legend element with one entry per kind plus the placeholder style. */
export function renderLegend(host: HTMLElement, counts: Map<NodeKind, number>): void {
  host.replaceChildren();
  for (const [kind, color] of Object.entries(KIND_COLORS) as [NodeKind, string][]) {
    const item = document.createElement("li");
    item.className = counts.get(kind) ? "" : "legend-empty";
    item.innerHTML = `<span class="swatch" style="background:${color}"></span>`;
    item.append(`${kind} `);
    const count = document.createElement("span");
    count.className = "legend-count";
    count.textContent = String(counts.get(kind) ?? 0);
    item.append(count);
    host.append(item);
  }
  const ph = document.createElement("li");
  ph.innerHTML = `<span class="swatch swatch-placeholder"></span>`;
  ph.append("Not in corpus");
  host.append(ph);
}
