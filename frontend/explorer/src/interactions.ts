// Pointer and keyboard wiring: sigma events, toolbar buttons, shortcuts.

import type { App } from "./app";
import type { MenuItem } from "./menu";
import type { NodeId } from "./types";

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  const typing = tag === "INPUT" && !["checkbox", "radio", "range", "button"].includes((el as HTMLInputElement).type);
  return typing || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
}

function menuItems(app: App, id: NodeId): (MenuItem | null)[] {
  const sel = app.selected();
  const other = sel.find((s) => s !== id);
  const isCable = id.startsWith("cable:");
  return [
    { label: "Expand neighbours", hint: "E", action: () => void app.expand(id) },
    { label: "Reference chain", hint: "C", action: () => void app.chain(id), disabled: !isCable },
    {
      label: other ? "Path from selected node" : "Path (select another node)",
      hint: "P",
      disabled: !other,
      action: () => {
        if (!other) return;
        app.explorer.setSelected([other, id]);
        void app.path();
      },
    },
    null,
    { label: "Add to selection", action: () => app.select(id, true) },
    { label: "Hide", hint: "Del", action: () => void app.hide([id]) },
  ];
}

/** Node clicks select (Shift adds), double-click expands, right-click opens the menu. */
export function wirePointer(app: App): void {
  const { sigma, hover } = app;
  sigma.on("clickNode", ({ node, event }) => {
    const original = event.original as MouseEvent;
    app.select(node, original.shiftKey || original.ctrlKey || original.metaKey);
  });
  sigma.on("doubleClickNode", ({ node, preventSigmaDefault }) => {
    preventSigmaDefault();
    app.select(node);
    void app.expand(node);
  });
  sigma.on("rightClickNode", ({ node, event }) => {
    event.original.preventDefault();
    app.menu.open(event.x, event.y, app.explorer.graph.getNodeAttribute(node, "label"), menuItems(app, node));
  });
  sigma.on("clickStage", () => app.select(null));
  const refresh = () => sigma.refresh({ skipIndexation: true });
  sigma.on("enterNode", ({ node }) => ((hover.node = node), refresh()));
  sigma.on("leaveNode", () => ((hover.node = null), refresh()));
  sigma.on("enterEdge", ({ edge }) => ((hover.edge = edge), refresh()));
  sigma.on("leaveEdge", () => ((hover.edge = null), refresh()));
  sigma.getContainer().addEventListener("contextmenu", (event) => event.preventDefault());
}

/** Toolbar buttons, token form, help dialog. */
export function wireButtons(app: App): void {
  const on = (id: string, action: () => void) => document.getElementById(id)?.addEventListener("click", action);
  on("act-expand", () => void app.expand());
  on("act-hide", () => void app.hide());
  on("act-path", () => void app.path());
  on("act-chain", () => void app.chain());
  on("act-undo", () => app.undo());
  on("act-fit", () => app.fit());
  on("act-clear", () => void app.clear());
  on("export-png", () => void app.exportAs("png"));
  on("export-graphml", () => void app.exportAs("graphml"));
  on("export-json", () => void app.exportAs("json"));
  const help = document.getElementById("help") as HTMLDialogElement;
  on("help-button", () => help.showModal());
}

function openMenuForSelection(app: App): void {
  const id = app.selected()[0];
  if (!id) return;
  const at = app.sigma.graphToViewport(app.explorer.graph.getNodeAttributes(id));
  app.menu.open(at.x, at.y, app.explorer.graph.getNodeAttribute(id, "label"), menuItems(app, id));
}

const SHORTCUTS: Record<string, (app: App) => void> = {
  e: (app) => void app.expand(),
  c: (app) => void app.chain(),
  p: (app) => void app.path(),
  f: (app) => app.fit(),
  l: (app) => void app.explorer.setLayout(app.explorer.view.layout === "force" ? "layered" : "force"),
  "]": (app) => app.cycle(1),
  "[": (app) => app.cycle(-1),
  Delete: (app) => void app.hide(),
  Backspace: (app) => void app.hide(),
  ContextMenu: (app) => openMenuForSelection(app),
  Escape: (app) => (app.menu.isOpen ? app.menu.close() : app.select(null)),
};

/** `/` search, `e` expand, `Delete` hide, Ctrl+Z undo, and the rest of SHORTCUTS. */
export function wireKeyboard(app: App, focusSearch: () => void): void {
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || isTyping(event.target)) return;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
      event.preventDefault();
      app.undo();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/") {
      event.preventDefault();
      focusSearch();
      return;
    }
    if (event.key === "?") {
      (document.getElementById("help") as HTMLDialogElement).showModal();
      return;
    }
    const action = SHORTCUTS[event.key] ?? SHORTCUTS[event.key.toLowerCase()];
    if (!action || (event.target as HTMLElement | null)?.closest("dialog, .menu")) return;
    event.preventDefault();
    action(app);
  });
}
