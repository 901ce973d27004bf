// Instanced sigma programs redrawn without instancing. SwiftShader (the software GL
// of headless Chromium, and of machines without a GPU) pays ~40 us per instance of
// an instanced draw, so 1,000 arrows (a clamped quad and a head, each also drawn in
// the picking pass) cost ~150 ms a frame. The same geometry as plain vertex arrays
// (each instance's attributes repeated per vertex, next to that vertex's constant
// data) draws in one ordinary call.

import type { Program } from "sigma/rendering";

import type { EdgeAttrs, NodeAttrs } from "./types";

type Attributes = Program["ATTRIBUTES"];
type Definition = ReturnType<Program<string, NodeAttrs, EdgeAttrs>["getDefinition"]> & {
  CONSTANT_ATTRIBUTES?: Attributes;
  CONSTANT_DATA?: number[][];
};
interface Concrete {
  array: Float32Array;
  ATTRIBUTES_ITEMS_COUNT: number;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ProgramClass = new (...args: any[]) => object;
type Method = (...args: unknown[]) => unknown;

/** The count of float slots of attributes (a packed colour is one slot). */
function slots(attributes: Attributes): number {
  return attributes.reduce((sum, a) => sum + (a.type === WebGLRenderingContext.UNSIGNED_BYTE ? 1 : a.size), 0);
}

/** `Base` without instancing: same shaders, same look, same picking. */
export function deinstanced<T extends ProgramClass>(Base: T): T {
  const proto = Base.prototype as unknown as { getDefinition: Method; processVisibleItem: Method };
  return class extends Base {
    private base?: { def: Definition; own: number; scratch: Float32Array; scratchBits: Uint32Array };
    private bits?: { of: Float32Array; view: Uint32Array };

    getDefinition(): Definition {
      const def = proto.getDefinition.call(this) as Definition;
      const { CONSTANT_ATTRIBUTES = [], CONSTANT_DATA: _data, ...rest } = def;
      return { ...rest, ATTRIBUTES: [...def.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] };
    }

    processVisibleItem(...args: unknown[]): void {
      if (!this.base) {
        const def = proto.getDefinition.call(this) as Definition;
        const scratch = new Float32Array(slots(def.ATTRIBUTES));
        this.base = { def, own: scratch.length, scratch, scratchBits: new Uint32Array(scratch.buffer) };
      }
      const { def, own, scratch, scratchBits } = this.base;
      const self = this as unknown as Concrete;
      const real = self.array;
      self.array = scratch;
      proto.processVisibleItem.call(this, args[0], 0, ...args.slice(2));
      self.array = real;
      if (this.bits?.of !== real) this.bits = { of: real, view: new Uint32Array(real.buffer) };
      const width = self.ATTRIBUTES_ITEMS_COUNT;
      const start = args[1] as number;
      (def.CONSTANT_DATA ?? []).forEach((vertex, v) => {
        this.bits?.view.set(scratchBits, start + v * width);
        real.set(vertex, start + v * width + own);
      });
    }
  };
}
