// The explorer page: wires the state machine, the renderer and the panels, and keeps
// the URL in step with the view.

import * as api from "./api";
import { Controls } from "./controls";
import { DetailsPanel } from "./details";
import { Explorer, NoPathError } from "./explorer";
import * as exporter from "./export";
import { countKinds } from "./graph";
import { ContextMenu } from "./menu";
import { type ExplorerSigma, type Hover, LARGE_GRAPH, createRenderer } from "./renderer";
import { renderLegend } from "./style";
import { TimeSlider } from "./timeline";
import type { NodeId, Step } from "./types";
import { clampDepth, decodeView, encodeView } from "./url";

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`explorer page: element #${id} is missing`);
  return el as T;
}

export class App {
  readonly explorer = new Explorer();
  readonly hover: Hover = { node: null, edge: null };
  readonly sigma: ExplorerSigma;
  readonly details: DetailsPanel;
  readonly slider: TimeSlider;
  readonly controls: Controls;
  readonly menu: ContextMenu;
  private lastHash = "";
  private shownDetails: NodeId | null = null;
  private statusTimer = 0;

  constructor() {
    this.sigma = createRenderer(byId("canvas"), this.explorer, this.hover);
    this.details = new DetailsPanel(byId("details"), (id) => void this.place(id));
    this.menu = new ContextMenu(byId<HTMLUListElement>("context-menu"));
    this.slider = new TimeSlider(
      {
        svg: byId("histogram") as unknown as SVGSVGElement,
        from: byId("time-from"),
        to: byId("time-to"),
        label: byId("time-label"),
        reset: byId("time-reset"),
      },
      (from, to) => this.explorer.setWindow(from, to),
    );
    this.controls = new Controls(
      byId("edge-filters"),
      byId("kind-filters"),
      (edges, kinds) => this.explorer.setFilters(edges, kinds),
      (layout) => void this.explorer.setLayout(layout),
    );
    this.explorer.onChange(() => this.render());
  }

  /** Load the histogram, then the view in the URL. */
  async start(): Promise<void> {
    window.addEventListener("hashchange", () => {
      if (location.hash.replace(/^#/, "") !== this.lastHash) void this.loadFromUrl();
    });
    const [timeline] = await Promise.all([
      api.timeline().catch((err: unknown) => {
        this.say(String(err instanceof Error ? err.message : err), true);
        return [];
      }),
      this.loadFromUrl(),
    ]);
    this.slider.load(timeline);
    this.slider.set(this.explorer.view.timeFrom, this.explorer.view.timeTo);
  }

  async loadFromUrl(): Promise<void> {
    const view = decodeView(location.hash);
    this.controls.set(view.edgeTypes, view.nodeKinds, view.layout);
    this.slider.set(view.timeFrom, view.timeTo);
    await this.guard(() => this.explorer.replay(view));
  }

  selected(): NodeId[] {
    return this.explorer.view.selected;
  }

  select(id: NodeId | null, additive = false): void {
    const current = this.selected();
    let next: NodeId[] = id ? [id] : [];
    if (id && additive) {
      next = current.includes(id) ? current.filter((s) => s !== id) : [...current, id].slice(-2);
    }
    this.explorer.setSelected(next);
  }

  async place(id: NodeId): Promise<void> {
    if (!this.explorer.graph.hasNode(id)) await this.step({ op: "place", id });
    this.select(id);
  }

  async expand(id = this.selected()[0]): Promise<void> {
    if (!id) return this.say("Select a node to expand first.");
    const { edgeTypes, nodeKinds } = this.explorer.view;
    const before = this.explorer.graph.order;
    await this.step({ op: "expand", id, edgeTypes, nodeKinds });
    const added = this.explorer.graph.order - before;
    this.say(`${added} new node${added === 1 ? "" : "s"}${this.explorer.truncated ? " (limit reached)" : ""}`);
  }

  async chain(id = this.selected()[0]): Promise<void> {
    if (!id || !id.startsWith("cable:")) return this.say("Select a cable for its reference chain.");
    const depth = clampDepth(Number(byId<HTMLInputElement>("chain-depth").value));
    await this.step({ op: "chain", id, depth });
  }

  async path(): Promise<void> {
    const [from, to] = this.selected();
    if (!from || !to) return this.say("Select two nodes (Shift+click the second) for a path.");
    await this.step({ op: "path", from, to });
  }

  async hide(ids = this.selected()): Promise<void> {
    if (!ids.length) return this.say("Select nodes to hide first.");
    await this.step({ op: "hide", ids: [...ids] });
  }

  undo(): void {
    if (!this.explorer.undo()) this.say("Nothing to undo.");
    this.controls.set(this.explorer.view.edgeTypes, this.explorer.view.nodeKinds, this.explorer.view.layout);
    this.slider.set(this.explorer.view.timeFrom, this.explorer.view.timeTo);
  }

  /** Start over with an empty canvas (filters and time window stay). */
  async clear(): Promise<void> {
    await this.guard(() => this.explorer.replay({ ...this.explorer.view, steps: [], selected: [] }));
  }

  /** A new token: everything shown is fetched again with it. */
  async useToken(token: string): Promise<void> {
    api.storeToken(token.trim());
    this.shownDetails = null;
    await this.guard(() => this.explorer.replay(this.explorer.view));
    this.slider.load(await api.timeline().catch(() => []));
    this.slider.set(this.explorer.view.timeFrom, this.explorer.view.timeTo);
    this.say(token.trim() ? "Token in use for this tab." : "Anonymous access.");
  }

  fit(): void {
    void this.sigma.getCamera().animatedReset({ duration: 300 });
  }

  /** Select the next (or previous) visible node, for keyboard use. */
  cycle(step: 1 | -1): void {
    const ids = this.explorer.graph.filterNodes((id) => this.explorer.visible.has(id)).sort();
    if (!ids.length) return;
    const at = ids.indexOf(this.selected()[0] ?? "");
    this.select(ids[(at + step + ids.length) % ids.length]);
  }

  async exportAs(kind: "png" | "graphml" | "json"): Promise<void> {
    const sub = exporter.visibleSubgraph(this.explorer.graph, this.explorer.visible);
    if (kind === "png") {
      exporter.download(exporter.exportName("png"), await exporter.canvasToPng(this.sigma));
    } else if (kind === "graphml") {
      const blob = new Blob([exporter.toGraphml(sub)], { type: "application/graphml+xml" });
      exporter.download(exporter.exportName("graphml"), blob);
    } else {
      const blob = new Blob([JSON.stringify(sub, null, 1)], { type: "application/json" });
      exporter.download(exporter.exportName("json"), blob);
    }
  }

  say(message: string, error = false): void {
    const status = byId("status");
    status.textContent = message;
    status.classList.toggle("error", error);
    status.classList.add("show");
    window.clearTimeout(this.statusTimer);
    this.statusTimer = window.setTimeout(() => status.classList.remove("show"), error ? 6000 : 2500);
  }

  private async step(step: Step): Promise<void> {
    await this.guard(() => this.explorer.perform(step));
  }

  /** Run an action, turning its failure into a message on the page. */
  async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.say(err instanceof Error ? err.message : String(err), !(err instanceof NoPathError));
    }
  }

  /** Large views: no edge picking, and edges and labels hidden while the camera moves. */
  private tuneForSize(): void {
    const large = this.explorer.graph.order > LARGE_GRAPH;
    if (large === this.sigma.getSetting("hideEdgesOnMove")) return;
    this.sigma.setSettings({ hideEdgesOnMove: large, hideLabelsOnMove: large, enableEdgeEvents: !large });
  }

  private render(): void {
    const { explorer } = this;
    this.tuneForSize();
    this.sigma.refresh();
    const hash = encodeView(explorer.view);
    if (hash !== this.lastHash) {
      this.lastHash = hash;
      history.replaceState(null, "", `${location.pathname}${location.search}${hash ? `#${hash}` : ""}`);
    }
    renderLegend(byId("legend"), countKinds(explorer.graph, explorer.visible));
    byId("empty").hidden = explorer.graph.order > 0 || explorer.busy > 0;
    const edges = explorer.graph.size;
    byId("counts").textContent = `${explorer.visible.size} of ${explorer.graph.order} nodes · ${edges} edges${explorer.busy ? " · loading…" : ""}`;
    this.updateButtons();
    for (const input of document.querySelectorAll<HTMLInputElement>('input[name="layout"]')) {
      input.checked = input.value === explorer.view.layout;
    }
    const first = this.selected()[0] ?? null;
    if (first !== this.shownDetails) {
      this.shownDetails = first;
      if (first) void this.details.show(first, explorer.graph.hasNode(first) ? explorer.graph.getNodeAttributes(first) : null);
      else this.details.clear();
    }
  }

  private updateButtons(): void {
    const sel = this.selected();
    const enable = (id: string, on: boolean) => (byId<HTMLButtonElement>(id).disabled = !on);
    enable("act-expand", sel.length > 0);
    enable("act-hide", sel.length > 0);
    enable("act-path", sel.length === 2);
    enable("act-chain", sel.length > 0 && sel[0].startsWith("cable:"));
    enable("act-undo", this.explorer.canUndo());
  }
}
