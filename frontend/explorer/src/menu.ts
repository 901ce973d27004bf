// The node context menu (right-click, or the ContextMenu key on a selected node).

export interface MenuItem {
  label: string;
  hint?: string;
  action: () => void;
  disabled?: boolean;
}

export class ContextMenu {
  constructor(private readonly host: HTMLUListElement) {
    document.addEventListener("mousedown", (event) => {
      if (!host.hidden && !host.contains(event.target as Node)) this.close();
    });
    host.addEventListener("keydown", (event) => this.onKey(event));
  }

  get isOpen(): boolean {
    return !this.host.hidden;
  }

  /** Open at (x, y) in the stage's coordinates, focusing the first item. */
  open(x: number, y: number, title: string, items: (MenuItem | null)[]): void {
    this.host.replaceChildren();
    const head = document.createElement("li");
    head.className = "menu-title";
    head.textContent = title;
    this.host.append(head);
    for (const item of items) this.host.append(item ? this.row(item) : this.separator());
    this.host.hidden = false;
    const parent = this.host.parentElement?.getBoundingClientRect();
    const box = this.host.getBoundingClientRect();
    const maxX = (parent?.width ?? window.innerWidth) - box.width - 8;
    const maxY = (parent?.height ?? window.innerHeight) - box.height - 8;
    this.host.style.left = `${Math.max(4, Math.min(x, maxX))}px`;
    this.host.style.top = `${Math.max(4, Math.min(y, maxY))}px`;
    this.host.querySelector<HTMLButtonElement>("button:not(:disabled)")?.focus();
  }

  close(): void {
    this.host.hidden = true;
  }

  private separator(): HTMLLIElement {
    const li = document.createElement("li");
    li.setAttribute("role", "separator");
    return li;
  }

  private row(item: MenuItem): HTMLLIElement {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.setAttribute("role", "menuitem");
    button.disabled = Boolean(item.disabled);
    button.textContent = item.label;
    if (item.hint) {
      const kbd = document.createElement("kbd");
      kbd.textContent = item.hint;
      button.append(kbd);
    }
    button.addEventListener("click", () => {
      this.close();
      item.action();
    });
    li.append(button);
    return li;
  }

  private onKey(event: KeyboardEvent): void {
    const buttons = [...this.host.querySelectorAll<HTMLButtonElement>("button:not(:disabled)")];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "Escape") {
      this.close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const step = event.key === "ArrowDown" ? 1 : -1;
      buttons[(at + step + buttons.length) % buttons.length]?.focus();
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  }
}
