// The search box: one query over every node kind, results grouped by kind,
// arrow keys + Enter or a click picks a hit.

import * as api from "./api";
import { KIND_COLORS } from "./style";
import type { NodeKind, SearchHit } from "./types";
import { NODE_KINDS } from "./types";

const DEBOUNCE_MS = 180;

/** Hits grouped by kind, in the order of NODE_KINDS. */
export function groupHits(hits: SearchHit[]): [NodeKind, SearchHit[]][] {
  const groups = new Map<NodeKind, SearchHit[]>();
  for (const hit of hits) groups.set(hit.kind, [...(groups.get(hit.kind) ?? []), hit]);
  return NODE_KINDS.filter((k) => groups.has(k)).map((k) => [k, groups.get(k) ?? []]);
}

export class SearchBox {
  private hits: SearchHit[] = [];
  private active = -1;
  private timer = 0;
  private seq = 0;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLElement,
    private readonly onPick: (hit: SearchHit) => void,
    private readonly onError: (message: string) => void,
  ) {
    input.addEventListener("input", () => this.schedule());
    input.addEventListener("keydown", (event) => this.onKey(event));
    input.addEventListener("blur", () => window.setTimeout(() => this.close(), 150));
    input.addEventListener("focus", () => {
      if (this.hits.length) this.open();
    });
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  /** Search now (tests and Enter before the debounce fires). */
  async run(): Promise<void> {
    window.clearTimeout(this.timer);
    const text = this.input.value.trim();
    const seq = ++this.seq;
    if (text.length < 2) {
      this.hits = [];
      this.close();
      return;
    }
    try {
      const hits = await api.search(text);
      if (seq !== this.seq) return;
      this.hits = groupHits(hits).flatMap(([, group]) => group);
      this.active = this.hits.length ? 0 : -1;
      this.render();
    } catch (err) {
      this.onError(String(err instanceof Error ? err.message : err));
    }
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.run(), DEBOUNCE_MS);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!this.hits.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.active = (this.active + step + this.hits.length) % this.hits.length;
      this.render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (this.active >= 0 && this.hits[this.active]) this.pick(this.hits[this.active]);
      else void this.run();
    } else if (event.key === "Escape") {
      this.close();
      this.input.blur();
    }
  }

  private pick(hit: SearchHit): void {
    this.close();
    this.input.blur();
    this.onPick(hit);
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
  }

  private render(): void {
    this.list.replaceChildren();
    if (!this.hits.length) {
      const empty = document.createElement("div");
      empty.className = "search-empty";
      empty.textContent = `No match for “${this.input.value.trim()}”`;
      this.list.append(empty);
    }
    let index = 0;
    for (const [kind, group] of groupHits(this.hits)) {
      const head = document.createElement("div");
      head.className = "search-group";
      head.setAttribute("role", "presentation");
      head.innerHTML = `<span class="swatch" style="background:${KIND_COLORS[kind]}"></span>`;
      head.append(`${kind} · ${group.length}`);
      this.list.append(head);
      for (const hit of group) this.list.append(this.renderHit(hit, index++));
    }
    this.open();
    this.list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
  }

  private renderHit(hit: SearchHit, index: number): HTMLElement {
    const row = document.createElement("div");
    row.className = "search-hit";
    row.id = `search-hit-${index}`;
    row.setAttribute("role", "option");
    row.setAttribute("aria-selected", String(index === this.active));
    row.dataset.id = hit.id;
    row.dataset.kind = hit.kind;
    const label = document.createElement("span");
    label.className = "hit-label";
    label.textContent = hit.label;
    const meta = document.createElement("span");
    meta.className = "hit-meta";
    meta.textContent = hit.date ?? hit.id;
    row.append(label, meta);
    row.addEventListener("mousedown", (event) => {
      event.preventDefault();
      this.pick(hit);
    });
    if (index === this.active) this.input.setAttribute("aria-activedescendant", row.id);
    return row;
  }
}
