// The shareable view: ViewState <-> the URL hash.
//
// #s=p~cable:08STATE68633;e~cable:08STATE68633~CITES.SENT~Cable;c~cable:X~3;h~a.b
//  &l=layered&t=2006-01..2008-12&f=CITES.SENT&k=Cable.Post&sel=cable:X
// Node ids are built from [a-z0-9:/-] (graph.model.make_id), so `~ ; . ,` separate safely.

import type { EdgeKind, LayoutName, NodeId, NodeKind, Step, ViewState } from "./types";
import { EDGE_KINDS, NODE_KINDS } from "./types";

export const EMPTY_VIEW: ViewState = {
  steps: [],
  edgeTypes: [],
  nodeKinds: [],
  layout: "force",
  timeFrom: null,
  timeTo: null,
  selected: [],
};

function encodeStep(step: Step): string {
  switch (step.op) {
    case "place":
      return `p~${step.id}`;
    case "expand":
      return `e~${step.id}~${step.edgeTypes.join(".")}~${step.nodeKinds.join(".")}`;
    case "chain":
      return `c~${step.id}~${step.depth}`;
    case "path":
      return `x~${step.from}~${step.to}`;
    case "hide":
      return `h~${step.ids.join(".")}`;
  }
}

function listOf<T extends string>(text: string | undefined, allowed: readonly T[]): T[] {
  if (!text) return [];
  return text.split(".").filter((v): v is T => (allowed as readonly string[]).includes(v));
}

function decodeStep(text: string): Step | null {
  const [op, a, b, c] = text.split("~");
  if (!a) return null;
  switch (op) {
    case "p":
      return { op: "place", id: a };
    case "e":
      return {
        op: "expand",
        id: a,
        edgeTypes: listOf(b, EDGE_KINDS),
        nodeKinds: listOf(c, NODE_KINDS),
      };
    case "c":
      return { op: "chain", id: a, depth: clampDepth(Number(b)) };
    case "x":
      return b ? { op: "path", from: a, to: b } : null;
    case "h":
      return { op: "hide", ids: a.split(".").filter(Boolean) };
    default:
      return null;
  }
}

export function clampDepth(depth: number): number {
  return Number.isFinite(depth) ? Math.min(6, Math.max(1, Math.round(depth))) : 3;
}

const MONTH = /^\d{4}-\d{2}$/;

/** Percent-encode a hash value, leaving the separators readable. */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%(3A|2F|3B|2C)/g, (m) => decodeURIComponent(m));
}

/** The view as a URL hash (without the leading `#`). */
export function encodeView(view: ViewState): string {
  const parts: [string, string][] = [];
  if (view.steps.length) parts.push(["s", view.steps.map(encodeStep).join(";")]);
  if (view.layout !== "force") parts.push(["l", view.layout]);
  if (view.timeFrom || view.timeTo) parts.push(["t", `${view.timeFrom ?? ""}..${view.timeTo ?? ""}`]);
  if (view.edgeTypes.length) parts.push(["f", view.edgeTypes.join(".")]);
  if (view.nodeKinds.length) parts.push(["k", view.nodeKinds.join(".")]);
  if (view.selected.length) parts.push(["sel", view.selected.join(",")]);
  return parts.map(([key, value]) => `${key}=${encodeValue(value)}`).join("&");
}

/** A view from a URL hash; unknown or malformed parts are dropped. */
export function decodeView(hash: string): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const steps = (params.get("s") ?? "")
    .split(";")
    .map(decodeStep)
    .filter((s): s is Step => s !== null);
  const [from, to] = (params.get("t") ?? "").split("..");
  const layout: LayoutName = params.get("l") === "layered" ? "layered" : "force";
  return {
    steps,
    layout,
    timeFrom: from && MONTH.test(from) ? from : null,
    timeTo: to && MONTH.test(to) ? to : null,
    edgeTypes: listOf<EdgeKind>(params.get("f") ?? "", EDGE_KINDS),
    nodeKinds: listOf<NodeKind>(params.get("k") ?? "", NODE_KINDS),
    selected: (params.get("sel") ?? "").split(",").filter(Boolean) as NodeId[],
  };
}
