// Shared types of the explorer: the GraphQL payload shapes (docs/architecture.md,
// "GraphQL shapes the explorer relies on") and the view state kept in the URL.

export const NODE_KINDS = [
  "Cable",
  "Post",
  "Country",
  "Official",
  "Organization",
  "Asset",
  "Tag",
  "Reference",
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const EDGE_KINDS = [
  "SENT",
  "SENT_TO",
  "CITES",
  "REQUESTS",
  "TAGGED",
  "MENTIONS",
  "CLASSIFIED_BY",
  "SIGNED_BY",
  "LOCATED_IN",
  "DENOTES",
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export type NodeId = string;
export type Props = Record<string, unknown>;

/** One node of `Subgraph.json`. */
export interface PayloadNode {
  id: NodeId;
  kind: NodeKind;
  label: string;
  date?: string | null;
  inCorpus?: boolean | null;
  depth?: number | null;
  degree?: number | null;
  props?: Props | null;
}

/** One edge of `Subgraph.json`. */
export interface PayloadEdge {
  id: string;
  source: NodeId;
  target: NodeId;
  type: EdgeKind;
  props?: Props | null;
}

/** `Subgraph.json`: the flat payload of neighborhood, referenceChain and path. */
export interface Payload {
  nodes: PayloadNode[];
  edges: PayloadEdge[];
  truncated: boolean;
}

export interface SearchHit {
  id: NodeId;
  kind: NodeKind;
  label: string;
  date?: string | null;
}

export interface TimelineBucket {
  period: string;
  count: number;
}

export type LayoutName = "force" | "layered";

/** One step that built the view; the view is the replay of its steps. */
export type Step =
  | { op: "place"; id: NodeId }
  | { op: "expand"; id: NodeId; edgeTypes: EdgeKind[]; nodeKinds: NodeKind[] }
  | { op: "chain"; id: NodeId; depth: number }
  | { op: "path"; from: NodeId; to: NodeId }
  | { op: "hide"; ids: NodeId[] };

/** Everything a shared URL carries. */
export interface ViewState {
  steps: Step[];
  edgeTypes: EdgeKind[];
  nodeKinds: NodeKind[];
  layout: LayoutName;
  /** Inclusive months `YYYY-MM`, or null for no bound. */
  timeFrom: string | null;
  timeTo: string | null;
  selected: NodeId[];
}

/** Node attributes kept in the graphology graph. */
export interface NodeAttrs {
  kind: NodeKind;
  label: string;
  date: string | null;
  inCorpus: boolean;
  degree: number;
  props: Props;
  x: number;
  y: number;
  size: number;
  color: string;
  type?: string;
}

/** Edge attributes kept in the graphology graph. */
export interface EdgeAttrs {
  /** The edge kind (sigma reserves `type` for the drawing program). */
  rel: EdgeKind;
  props: Props;
  size: number;
  color: string;
  type?: string;
}
