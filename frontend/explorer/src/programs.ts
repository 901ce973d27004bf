// WebGL programs chosen for speed at scale: nodes as sigma's circles drawn without
// instancing (see deinstance.ts; no point-size cap, unlike point sprites),
// placeholders as dashed rings on the same triangles, and 1-pixel edges without a
// picking pass.
//
// GPU-synced cost per program at 5,000 nodes / 10,000 edges under SwiftShader
// (software GL; load ~8 on 2 cores): arrows (thick quads + heads, each drawn twice
// with picking) ~1.7 s; @sigma/node-border ~0.34 s; sigma's instanced circles
// ~0.3 s (about 40 us per instance); the same circles without instancing, or point
// sprites, ~0.06-0.08 s; 1-pixel lines ~0.13-0.2 s.

import type Sigma from "sigma";
import { EdgeLineProgram, NodeCircleProgram } from "sigma/rendering";
import type { RenderParams } from "sigma/types";

import { deinstanced } from "./deinstance";
import type { EdgeAttrs, NodeAttrs } from "./types";

/** A dashed ring with a white centre: the canvas look of "Not in corpus", as in the
 * legend. The circle program's vertex shader (same varyings); `u_correctionRatio *
 * 2` is about one pixel. */
const DASHED_RING_FRAGMENT = /* glsl */ `
precision highp float;

varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;

uniform float u_correctionRatio;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);
const vec4 paper = vec4(1.0, 1.0, 1.0, 1.0);
const float DASHES = 10.0;
const float TAU = 6.28318530718;

void main(void) {
  float aa = u_correctionRatio * 2.0;
  float dist = length(v_diffVector);
  #ifdef PICKING_MODE
  gl_FragColor = dist > v_radius ? transparent : v_color;
  #else
  float ring = max(v_radius * 0.34, aa * 2.0);
  float dash = step(0.5, fract(atan(v_diffVector.y, v_diffVector.x) * DASHES / TAU + 0.25));
  vec4 inside = dist > v_radius - ring ? mix(paper, v_color, dash) : paper;
  gl_FragColor = mix(inside, transparent, clamp((dist - v_radius + aa) / aa, 0.0, 1.0));
  #endif
}
`;

/** Whether a render may skip the node picking pass: the camera is moving in a view
 * that hides edges on move, where sigma renders again (with picking) once the move
 * ends, and nothing can be hovered mid-drag anyway. */
function movingInLargeView(renderer: Sigma<NodeAttrs, EdgeAttrs>): boolean {
  if (!renderer.getSetting("hideEdgesOnMove")) return false;
  return renderer.getCamera().isAnimated() || renderer.getMouseCaptor().isMoving;
}

/** Plain nodes: circles without instancing (cheaper under software GL), and without
 * the picking pass while a large view moves. */
export class NodeDotProgram extends deinstanced(NodeCircleProgram<NodeAttrs, EdgeAttrs>) {
  render(params: RenderParams): void {
    if (!movingInLargeView(this.renderer)) return super.render(params);
    if (this.hasNothingToRender()) return;
    this.normalProgram.gl.viewport(0, 0, params.width * params.pixelRatio, params.height * params.pixelRatio);
    this.bindProgram(this.normalProgram);
    this.renderProgram(params, this.normalProgram);
    this.unbindProgram(this.normalProgram);
  }
}

/** Placeholders: the node's colour is the dash colour, the centre is white. */
export class NodeDashedRingProgram extends NodeDotProgram {
  getDefinition(): ReturnType<NodeDotProgram["getDefinition"]> {
    return { ...super.getDefinition(), FRAGMENT_SHADER_SOURCE: DASHED_RING_FRAGMENT };
  }
}

/** One-pixel edges that are never picked (large views turn edge events off): half
 * the draw calls of a picked program and no thick quads to rasterise. */
export class EdgeThinProgram extends EdgeLineProgram<NodeAttrs, EdgeAttrs> {
  constructor(
    gl: WebGLRenderingContext | WebGL2RenderingContext,
    _picking: WebGLFramebuffer | null,
    renderer: Sigma<NodeAttrs, EdgeAttrs>,
  ) {
    super(gl, null, renderer);
  }
}
