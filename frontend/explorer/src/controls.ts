// The left panel's expand filters (edge types, node kinds) and layout switch.

import type { EdgeKind, LayoutName, NodeKind } from "./types";
import { EDGE_KINDS, NODE_KINDS } from "./types";

function checkbox(host: HTMLElement, value: string, name: string): HTMLInputElement {
  const label = document.createElement("label");
  const input = document.createElement("input");
  input.type = "checkbox";
  input.name = name;
  input.value = value;
  input.checked = true;
  label.append(input, value.replace(/_/g, " ").toLowerCase());
  label.title = value;
  host.append(label);
  return input;
}

/** Checked values, or [] meaning "all" when every box is checked. */
function selected<T extends string>(inputs: HTMLInputElement[]): T[] {
  const on = inputs.filter((i) => i.checked).map((i) => i.value as T);
  return on.length === inputs.length ? [] : on;
}

export class Controls {
  private edgeInputs: HTMLInputElement[];
  private kindInputs: HTMLInputElement[];
  private layoutInputs: HTMLInputElement[];

  constructor(
    edgeHost: HTMLElement,
    kindHost: HTMLElement,
    onFilters: (edgeTypes: EdgeKind[], nodeKinds: NodeKind[]) => void,
    onLayout: (layout: LayoutName) => void,
  ) {
    this.edgeInputs = EDGE_KINDS.map((k) => checkbox(edgeHost, k, "edge-type"));
    this.kindInputs = NODE_KINDS.map((k) => checkbox(kindHost, k, "node-kind"));
    this.layoutInputs = [...document.querySelectorAll<HTMLInputElement>('input[name="layout"]')];
    const changed = () => onFilters(this.edgeTypes(), this.nodeKinds());
    for (const input of [...this.edgeInputs, ...this.kindInputs]) {
      input.addEventListener("change", changed);
    }
    for (const input of this.layoutInputs) {
      input.addEventListener("change", () => onLayout(input.value as LayoutName));
    }
  }

  edgeTypes(): EdgeKind[] {
    return selected<EdgeKind>(this.edgeInputs);
  }

  nodeKinds(): NodeKind[] {
    return selected<NodeKind>(this.kindInputs);
  }

  /** Show filters and layout from a view ([] = all checked). */
  set(edgeTypes: EdgeKind[], nodeKinds: NodeKind[], layout: LayoutName): void {
    for (const i of this.edgeInputs) i.checked = !edgeTypes.length || edgeTypes.includes(i.value as EdgeKind);
    for (const i of this.kindInputs) i.checked = !nodeKinds.length || nodeKinds.includes(i.value as NodeKind);
    for (const i of this.layoutInputs) i.checked = i.value === layout;
  }
}
