// The time slider: a histogram of cables per month (from `timeline`) under two range
// inputs choosing the first and last month shown.

import { monthRange } from "./timefilter";
import type { TimelineBucket } from "./types";

const SVG = "http://www.w3.org/2000/svg";

export interface TimelineElements {
  svg: SVGSVGElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  label: HTMLElement;
  reset: HTMLButtonElement;
}

export class TimeSlider {
  private months: string[] = [];
  private counts = new Map<string, number>();

  constructor(
    private readonly els: TimelineElements,
    private readonly onChange: (from: string | null, to: string | null) => void,
  ) {
    els.from.addEventListener("input", () => this.changed("from"));
    els.to.addEventListener("input", () => this.changed("to"));
    els.reset.addEventListener("click", () => {
      this.set(null, null);
      this.onChange(null, null);
    });
  }

  /** Load the buckets (periods `YYYY-MM`, any order) and draw the histogram. */
  load(buckets: TimelineBucket[]): void {
    const periods = buckets.map((b) => b.period.slice(0, 7)).filter((p) => /^\d{4}-\d{2}$/.test(p)).sort();
    this.counts = new Map(buckets.map((b) => [b.period.slice(0, 7), b.count]));
    this.months = periods.length ? monthRange(periods[0], periods[periods.length - 1]) : [];
    const max = Math.max(0, this.months.length - 1);
    for (const input of [this.els.from, this.els.to]) {
      input.max = String(max);
      input.disabled = this.months.length === 0;
    }
    this.els.from.value = "0";
    this.els.to.value = String(max);
    this.draw();
  }

  /** The months under the slider, first to last. */
  monthList(): string[] {
    return [...this.months];
  }

  /** Show a window (from the URL or undo) without firing onChange. */
  set(from: string | null, to: string | null): void {
    const last = Math.max(0, this.months.length - 1);
    const i = from ? this.months.indexOf(from) : -1;
    const j = to ? this.months.indexOf(to) : -1;
    this.els.from.value = String(i >= 0 ? i : 0);
    this.els.to.value = String(j >= 0 ? j : last);
    this.draw();
  }

  private changed(which: "from" | "to"): void {
    let i = Number(this.els.from.value);
    let j = Number(this.els.to.value);
    if (i > j) {
      if (which === "from") j = i;
      else i = j;
      this.els.from.value = String(i);
      this.els.to.value = String(j);
    }
    this.draw();
    const last = this.months.length - 1;
    this.onChange(i === 0 ? null : this.months[i], j === last ? null : this.months[j]);
  }

  private draw(): void {
    const svg = this.els.svg;
    svg.replaceChildren();
    const n = this.months.length;
    if (!n) {
      this.els.label.textContent = "no dated cables";
      return;
    }
    const i = Number(this.els.from.value);
    const j = Number(this.els.to.value);
    const max = Math.max(1, ...this.counts.values());
    svg.setAttribute("viewBox", `0 0 ${n} 100`);
    this.months.forEach((month, k) => {
      const count = this.counts.get(month) ?? 0;
      if (!count) return;
      const h = Math.max(3, (Math.sqrt(count) / Math.sqrt(max)) * 100);
      const rect = document.createElementNS(SVG, "rect");
      rect.setAttribute("x", String(k + 0.1));
      rect.setAttribute("width", "0.8");
      rect.setAttribute("y", String(100 - h));
      rect.setAttribute("height", String(h));
      if (k >= i && k <= j) rect.setAttribute("class", "in");
      const title = document.createElementNS(SVG, "title");
      title.textContent = `${month}: ${count} cables`;
      rect.append(title);
      svg.append(rect);
    });
    const full = i === 0 && j === n - 1;
    this.els.label.textContent = full ? `all dates (${this.months[0]} – ${this.months[n - 1]})` : `${this.months[i]} – ${this.months[j]}`;
  }
}
