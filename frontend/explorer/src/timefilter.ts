// The time window: which nodes stay visible when cables are filtered by month.

import type { ExplorerGraph } from "./graph";
import type { NodeId } from "./types";

export interface TimeWindow {
  from: string | null; // inclusive YYYY-MM
  to: string | null; // inclusive YYYY-MM
}

/** True when a `YYYY-MM-DD` date falls inside the window (undated: always). */
export function inWindow(date: string | null, window: TimeWindow): boolean {
  if (!date) return true;
  const month = date.slice(0, 7);
  if (window.from && month < window.from) return false;
  if (window.to && month > window.to) return false;
  return true;
}

/**
 * The nodes visible under a window: dated cables inside it, undated cables
 * (placeholders), and every other node that still touches a visible node or
 * touched no dated cable in the first place.
 */
export function visibleNodes(graph: ExplorerGraph, window: TimeWindow): Set<NodeId> {
  const visible = new Set<NodeId>();
  if (!window.from && !window.to) {
    graph.forEachNode((id) => visible.add(id));
    return visible;
  }
  graph.forEachNode((id, attrs) => {
    if (attrs.kind === "Cable" && inWindow(attrs.date, window)) visible.add(id);
  });
  graph.forEachNode((id, attrs) => {
    if (attrs.kind === "Cable") return;
    let datedNeighbours = 0;
    let shown = false;
    graph.forEachNeighbor(id, (other, otherAttrs) => {
      if (otherAttrs.kind === "Cable" && otherAttrs.date) datedNeighbours += 1;
      if (visible.has(other)) shown = true;
    });
    if (shown || datedNeighbours === 0) visible.add(id);
  });
  return visible;
}

/** Month keys `YYYY-MM` from the first to the last, inclusive. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split("-").map(Number);
  const [lastYear, lastMonth] = last.split("-").map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    if (months.length > 2400) break;
  }
  return months;
}
