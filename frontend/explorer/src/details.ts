// The details panel: `node(id)` with the cable's header, subject, summary, addressees,
// references and paragraphs — whatever the caller's clearance lets the server return.

import { ApiError, runQuery } from "./api";
import { KIND_COLORS } from "./style";
import type { NodeAttrs, NodeId, NodeKind } from "./types";

const DETAILS = `query Details($id: ID!) {
  node(id: $id) {
    id kind label degree
    ... on Cable {
      cableId date dtg subject classification caveats precedence summary header body inCorpus
      origin { id label }
      recipients(first: 60) { totalCount edges { role precedence node { id label } } }
      references(first: 60) { totalCount edges { bullet node { id kind label } } }
      citedBy(first: 30) { totalCount nodes { id label } }
      tags(first: 40) { nodes { id label } }
    }
    ... on Post { key name postKind countryCode }
    ... on Official { name titles }
    ... on Country { code name }
    ... on Organization { code name }
    ... on Asset { name assetKind }
    ... on Tag { code tagKind }
    ... on Reference { key referenceKind text }
  }
}`;

interface Link {
  id: NodeId;
  label: string;
  kind?: NodeKind;
}

interface Relation {
  role?: string | null;
  precedence?: string | null;
  bullet?: string | null;
  node: Link;
}

type Details = Record<string, unknown> & {
  id: NodeId;
  kind: NodeKind;
  label: string;
  degree: number;
  recipients?: { totalCount: number; edges: Relation[] };
  references?: { totalCount: number; edges: Relation[] };
  citedBy?: { totalCount: number; nodes: Link[] };
  tags?: { nodes: Link[] };
  origin?: Link | null;
};

const SKIP = new Set(["id", "kind", "label", "degree", "recipients", "references", "citedBy", "tags", "origin"]);
const LONG = new Set(["header", "body", "summary", "subject", "text"]);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls = "", text = ""): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text) node.textContent = text;
  return node;
}

/** Split a cable body into paragraphs at blank lines and numbered paragraph marks. */
export function paragraphs(body: string): string[] {
  return body
    .split(/\n\s*\n|\n(?=\s*\d{1,2}\.\s+\()/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean);
}

export class DetailsPanel {
  private seq = 0;

  constructor(
    private readonly host: HTMLElement,
    private readonly onOpen: (id: NodeId) => void,
  ) {}

  clear(): void {
    this.host.replaceChildren(el("p", "muted", "Select a node to see its details."));
  }

  /** Show a node: what the view knows at once, then the server's details. */
  async show(id: NodeId, attrs: NodeAttrs | null): Promise<void> {
    const seq = ++this.seq;
    this.host.replaceChildren(this.heading(id, attrs?.kind ?? "Reference", attrs?.label ?? id));
    this.host.append(el("p", "muted", "Loading…"));
    try {
      const data = await runQuery<{ node: Details | null }>("Details", DETAILS, { id });
      if (seq !== this.seq) return;
      this.render(id, attrs, data.node);
    } catch (err) {
      if (seq !== this.seq) return;
      const message = err instanceof ApiError ? err.message : String(err);
      this.host.lastElementChild?.replaceWith(el("p", "restricted", message));
    }
  }

  private heading(id: NodeId, kind: NodeKind, label: string): HTMLElement {
    const head = el("div");
    const badge = el("span", "kind-badge", kind);
    badge.style.background = KIND_COLORS[kind] ?? "#6b7785";
    head.append(badge, el("h3", "", label), el("div", "muted", id));
    return head;
  }

  private render(id: NodeId, attrs: NodeAttrs | null, node: Details | null): void {
    this.host.replaceChildren(this.heading(id, node?.kind ?? attrs?.kind ?? "Reference", node?.label ?? id));
    if (!node) {
      this.host.append(el("p", "restricted", "Not visible with your clearance (or not in the store)."));
      return;
    }
    if (node.kind === "Cable" && node.inCorpus === false) {
      this.host.append(el("p", "placeholder-note", "Cited, but not in the corpus: only its id is known."));
    }
    if (typeof node.subject === "string") this.host.append(el("p", "subject", node.subject));
    this.host.append(this.properties(node));
    if (node.origin) this.host.append(this.links("From", [node.origin]));
    if (node.recipients?.edges.length) {
      this.host.append(this.relations("Addressees", node.recipients.edges, node.recipients.totalCount));
    }
    if (node.references?.edges.length) {
      this.host.append(this.relations("References", node.references.edges, node.references.totalCount));
    }
    if (node.citedBy?.nodes.length) this.host.append(this.links("Cited by", node.citedBy.nodes));
    if (node.tags?.nodes.length) this.host.append(this.links("Tags", node.tags.nodes));
    this.appendText(node);
  }

  private properties(node: Details): HTMLElement {
    const list = el("dl");
    list.append(el("dt", "", "degree"), el("dd", "", String(node.degree)));
    for (const [key, value] of Object.entries(node)) {
      if (SKIP.has(key) || LONG.has(key) || value === null || value === undefined || value === "") continue;
      const text = Array.isArray(value) ? value.join(", ") : String(value);
      if (!text) continue;
      list.append(el("dt", "", key), el("dd", "", text));
    }
    return list;
  }

  private section(title: string): HTMLElement {
    const box = el("section");
    box.append(el("h4", "", title));
    return box;
  }

  private linkButton(link: Link): HTMLElement {
    const button = el("button", "link", link.label);
    button.type = "button";
    button.title = `Place ${link.id} on the canvas`;
    button.addEventListener("click", () => this.onOpen(link.id));
    return button;
  }

  private links(title: string, links: Link[]): HTMLElement {
    const box = this.section(title);
    const list = el("ul", "links");
    for (const link of links) {
      const item = el("li");
      item.append(this.linkButton(link));
      list.append(item);
    }
    box.append(list);
    return box;
  }

  private relations(title: string, relations: Relation[], total: number): HTMLElement {
    const box = this.section(`${title} (${total})`);
    const list = el("ul", "links");
    for (const rel of relations) {
      const item = el("li");
      if (rel.bullet) item.append(`${rel.bullet}. `);
      item.append(this.linkButton(rel.node));
      const meta = [rel.role, rel.precedence].filter(Boolean).join(", ");
      if (meta) item.append(el("span", "muted", ` ${meta}`));
      list.append(item);
    }
    box.append(list);
    return box;
  }

  private appendText(node: Details): void {
    if (typeof node.summary === "string" && node.summary) {
      const box = this.section("Summary");
      box.append(el("p", "para", node.summary));
      this.host.append(box);
    }
    if (typeof node.text === "string" && node.text) {
      const box = this.section("Text");
      box.append(el("p", "para", node.text));
      this.host.append(box);
    }
    if (typeof node.header === "string" && node.header) {
      const box = this.section("Header");
      box.append(el("pre", "", node.header));
      this.host.append(box);
    }
    if (typeof node.body === "string" && node.body) {
      const box = this.section("Text");
      for (const para of paragraphs(node.body)) box.append(el("p", "para", para));
      this.host.append(box);
    }
  }
}
