// The explorer's only server: POST /graphql, with the queries of docs/architecture.md.
// A token entered on the page lives in sessionStorage and goes out as a Bearer header.

import type {
  EdgeKind,
  NodeId,
  NodeKind,
  Payload,
  SearchHit,
  TimelineBucket,
} from "./types";

const ENDPOINT = "/graphql";
const TOKEN_KEY = "cablegraph.token";

export class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ApiError";
  }
}

export function readToken(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? "";
}

export function storeToken(token: string): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

type Variables = Record<string, unknown>;

/** Run one GraphQL operation; throw ApiError naming the operation and the reason. */
export async function runQuery<T>(name: string, query: string, variables: Variables): Promise<T> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  const token = readToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables, operationName: name }),
    });
  } catch (err) {
    throw new ApiError(`${name}: server unreachable (${String(err)})`);
  }
  const body = (await response.json().catch(() => null)) as {
    data?: T | null;
    errors?: { message: string }[];
  } | null;
  if (body?.errors?.length) {
    throw new ApiError(`${name}: ${body.errors.map((e) => e.message).join("; ")}`);
  }
  if (!response.ok || !body?.data) {
    throw new ApiError(`${name}: HTTP ${response.status}`);
  }
  return body.data;
}

const SEARCH = `query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) { id kind label date }
}`;

const NEIGHBORHOOD = `query Neighborhood($ids: [ID!]!, $depth: Int, $edgeTypes: [EdgeKind!],
    $nodeKinds: [NodeKind!], $limit: Int) {
  neighborhood(ids: $ids, depth: $depth, edgeTypes: $edgeTypes, nodeKinds: $nodeKinds,
    limit: $limit) { json }
}`;

const CHAIN = `query Chain($id: ID!, $maxDepth: Int) {
  referenceChain(id: $id, direction: BOTH, maxDepth: $maxDepth) { json }
}`;

const PATH = `query Path($from: ID!, $to: ID!, $maxLength: Int) {
  path(from: $from, to: $to, maxLength: $maxLength) { json }
}`;

const TIMELINE = `query Timeline { timeline(bucket: MONTH) { period count } }`;

/** Parse the `json` scalar (an object, or a string on servers that serialise it). */
export function toPayload(json: unknown): Payload {
  const raw = (typeof json === "string" ? JSON.parse(json) : json) as Partial<Payload> | null;
  return { nodes: raw?.nodes ?? [], edges: raw?.edges ?? [], truncated: Boolean(raw?.truncated) };
}

export async function search(text: string, first = 40): Promise<SearchHit[]> {
  const data = await runQuery<{ search: SearchHit[] }>("Search", SEARCH, { text, first });
  return data.search;
}

export interface NeighborhoodFilter {
  edgeTypes: EdgeKind[];
  nodeKinds: NodeKind[];
}

export async function neighborhood(
  ids: NodeId[],
  filter: NeighborhoodFilter,
  limit = 200,
  depth = 1,
): Promise<Payload> {
  const variables = {
    ids,
    depth,
    limit,
    edgeTypes: filter.edgeTypes.length ? filter.edgeTypes : null,
    nodeKinds: filter.nodeKinds.length ? filter.nodeKinds : null,
  };
  const data = await runQuery<{ neighborhood: { json: unknown } }>(
    "Neighborhood",
    NEIGHBORHOOD,
    variables,
  );
  return toPayload(data.neighborhood.json);
}

export async function referenceChain(id: NodeId, maxDepth: number): Promise<Payload> {
  const data = await runQuery<{ referenceChain: { json: unknown } }>("Chain", CHAIN, {
    id,
    maxDepth,
  });
  return toPayload(data.referenceChain.json);
}

/** A shortest path, or null when the two nodes are not connected. */
export async function path(from: NodeId, to: NodeId, maxLength = 6): Promise<Payload | null> {
  const data = await runQuery<{ path: { json: unknown } | null }>("Path", PATH, {
    from,
    to,
    maxLength,
  });
  return data.path ? toPayload(data.path.json) : null;
}

export async function timeline(): Promise<TimelineBucket[]> {
  const data = await runQuery<{ timeline: TimelineBucket[] }>("Timeline", TIMELINE, {});
  return data.timeline;
}
