// The explorer's state machine: the view is a list of steps (place, expand, chain,
// path, hide) replayed against /graphql; every step can be undone.

import * as api from "./api";
import {
  type ExplorerGraph,
  type Snapshot,
  createGraph,
  dropNodes,
  fillLocalDegrees,
  mergePayload,
  restoreSnapshot,
  takeSnapshot,
} from "./graph";
import { forceLayout, layeredLayout } from "./layout";
import { type TimeWindow, visibleNodes } from "./timefilter";
import type { EdgeKind, LayoutName, NodeId, NodeKind, Payload, Step, ViewState } from "./types";
import { EMPTY_VIEW } from "./url";

export class NoPathError extends Error {
  constructor(from: NodeId, to: NodeId) {
    super(`no path between ${from} and ${to} within 6 hops`);
    this.name = "NoPathError";
  }
}

/** Steps of a shared view that could not be replayed (the rest was). */
export class ReplayError extends Error {
  constructor(readonly failures: string[]) {
    super(`${failures.length} step(s) of this view could not be shown: ${failures[0]}`);
    this.name = "ReplayError";
  }
}

export interface Highlight {
  nodes: Set<NodeId>;
  edges: Set<string>;
}

interface UndoEntry {
  snapshot: Snapshot;
  view: ViewState;
  highlight: Highlight;
}

const UNDO_DEPTH = 50;

export class Explorer {
  readonly graph: ExplorerGraph = createGraph();
  view: ViewState = { ...EMPTY_VIEW };
  highlight: Highlight = { nodes: new Set(), edges: new Set() };
  visible: Set<NodeId> = new Set();
  truncated = false;
  busy = 0;
  layoutMs = 0;
  private undoStack: UndoEntry[] = [];
  private listeners: (() => void)[] = [];

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  notify(): void {
    this.visible = visibleNodes(this.graph, this.window());
    for (const listener of this.listeners) listener();
  }

  window(): TimeWindow {
    return { from: this.view.timeFrom, to: this.view.timeTo };
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /** Run one step as a user action: undoable, laid out, recorded in the view. */
  async perform(step: Step): Promise<void> {
    const entry = this.entry();
    await this.track(async () => {
      await this.apply(step);
      this.undoStack.push(entry);
      if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
      this.view = { ...this.view, steps: [...this.view.steps, step] };
      if (step.op === "chain") this.view.layout = "layered";
      await this.layout();
    });
  }

  /** Rebuild the whole graph from a view (a shared URL). */
  async replay(view: ViewState): Promise<void> {
    await this.track(async () => {
      this.graph.clear();
      this.highlight = { nodes: new Set(), edges: new Set() };
      this.undoStack = [];
      this.view = { ...view, steps: [] };
      const kept: Step[] = [];
      const failures: string[] = [];
      for (const step of view.steps) {
        try {
          await this.apply(step);
          kept.push(step);
        } catch (err) {
          if (!(err instanceof NoPathError || err instanceof api.ApiError)) throw err;
          failures.push(err.message);
        }
      }
      this.view = { ...view, steps: kept };
      await this.layout();
      if (failures.length) throw new ReplayError(failures);
    });
  }

  undo(): boolean {
    const entry = this.undoStack.pop();
    if (!entry) return false;
    restoreSnapshot(this.graph, entry.snapshot);
    this.view = entry.view;
    this.highlight = entry.highlight;
    this.notify();
    return true;
  }

  setLayout(layout: LayoutName): Promise<void> {
    this.view = { ...this.view, layout };
    return this.track(() => this.layout());
  }

  setWindow(from: string | null, to: string | null): void {
    this.view = { ...this.view, timeFrom: from, timeTo: to };
    this.notify();
  }

  setFilters(edgeTypes: EdgeKind[], nodeKinds: NodeKind[]): void {
    this.view = { ...this.view, edgeTypes, nodeKinds };
    this.notify();
  }

  setSelected(ids: NodeId[]): void {
    this.view = { ...this.view, selected: ids.filter((id) => this.graph.hasNode(id)) };
    this.notify();
  }

  chainRoots(): NodeId[] {
    return this.view.steps.flatMap((s) => (s.op === "chain" ? [s.id] : []));
  }

  private entry(): UndoEntry {
    return { snapshot: takeSnapshot(this.graph), view: this.view, highlight: this.highlight };
  }

  private async track(work: () => Promise<void>): Promise<void> {
    this.busy += 1;
    this.notify();
    try {
      await work();
    } finally {
      this.busy -= 1;
      this.notify();
    }
  }

  /** Fetch and merge one step (new nodes start around the step's node). */
  private async apply(step: Step): Promise<void> {
    switch (step.op) {
      case "place":
        return this.merge(await this.fetchNode(step.id), null);
      case "expand":
        return this.merge(await api.neighborhood([step.id], step), step.id);
      case "chain":
        return this.merge(await api.referenceChain(step.id, step.depth), step.id);
      case "path":
        return this.applyPath(step.from, step.to);
      case "hide":
        dropNodes(this.graph, step.ids);
        this.view = { ...this.view, selected: this.view.selected.filter((id) => !step.ids.includes(id)) };
    }
  }

  private async applyPath(from: NodeId, to: NodeId): Promise<void> {
    const payload = await api.path(from, to);
    if (!payload || payload.nodes.length === 0) throw new NoPathError(from, to);
    this.merge(payload, from);
    this.highlight = {
      nodes: new Set(payload.nodes.map((n) => n.id)),
      edges: new Set(payload.edges.map((e) => e.id)),
    };
  }

  /** The node alone, as the server describes it (a depth-0 neighbourhood). */
  private async fetchNode(id: NodeId): Promise<Payload> {
    const payload = await api.neighborhood([id], { edgeTypes: [], nodeKinds: [] }, 1, 0);
    const node = payload.nodes.find((n) => n.id === id);
    if (!node) throw new api.ApiError(`${id}: not found, or not visible with your clearance`);
    return { nodes: [node], edges: [], truncated: false };
  }

  private merge(payload: Payload, anchor: NodeId | null): void {
    mergePayload(this.graph, payload, anchor);
    this.truncated = payload.truncated;
  }

  private async layout(): Promise<void> {
    fillLocalDegrees(this.graph);
    const started = performance.now();
    if (this.view.layout === "layered") layeredLayout(this.graph, this.chainRoots());
    else await forceLayout(this.graph);
    this.layoutMs = performance.now() - started;
  }
}
