import type { Rng } from '../prng.ts';
import { num, type Pt, path, smoothClosedPath } from '../svg.ts';

/** Leaf lying along +x from the origin to (len, 0); `bend` curves it. */
export function leafPath(len: number, width: number, bend = 0): string {
  const w = width;
  return (
    `M0,0C${num(len * 0.28)},${num(-w + bend)} ${num(len * 0.72)},${num(-w * 0.85 + bend)} ${num(len)},0` +
    `C${num(len * 0.72)},${num(w * 0.85 + bend)} ${num(len * 0.28)},${num(w + bend)} 0,0Z`
  );
}

export function leafWithVein(len: number, width: number, fill: string, vein: string, bend = 0): string {
  const veinD = `M${num(len * 0.04)},0Q${num(len * 0.5)},${num(bend * 0.9)} ${num(len * 0.9)},0`;
  let side = '';
  for (let i = 1; i <= 3; i++) {
    const x = len * (0.2 + i * 0.17);
    side += `M${num(x)},${num(bend * 0.5)}l${num(len * 0.12)},${num(-width * 0.45)}`;
    side += `M${num(x)},${num(bend * 0.5)}l${num(len * 0.12)},${num(width * 0.45)}`;
  }
  return (
    path(leafPath(len, width, bend), fill) +
    path(
      veinD + side,
      'none',
      `stroke="${vein}" stroke-width="${num(Math.max(0.6, width * 0.1))}" stroke-linecap="round" opacity="0.7"`,
    )
  );
}

/** Petal from the origin outward to (0, -len), rounded at the tip. */
export function petalPath(len: number, width: number, pointed = false): string {
  const tip = pointed ? 0.7 : 0.98;
  return (
    `M0,0C${num(width)},${num(-len * 0.22)} ${num(width * 1.08)},${num(-len * tip)} 0,${num(-len)}` +
    `C${num(-width * 1.08)},${num(-len * tip)} ${num(-width)},${num(-len * 0.22)} 0,0Z`
  );
}

/** Petal with a notch at the tip, like cherry blossom. */
export function notchedPetalPath(len: number, width: number): string {
  return (
    `M0,0C${num(width * 1.1)},${num(-len * 0.25)} ${num(width * 1.2)},${num(-len * 0.95)} ${num(width * 0.35)},${num(-len)}` +
    `L0,${num(-len * 0.86)}L${num(-width * 0.35)},${num(-len)}` +
    `C${num(-width * 1.2)},${num(-len * 0.95)} ${num(-width * 1.1)},${num(-len * 0.25)} 0,0Z`
  );
}

export function starPoints(points: number, outer: number, inner: number, rotationDeg = -90): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i < points * 2; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = ((rotationDeg + (i * 180) / points) * Math.PI) / 180;
    out.push([r * Math.cos(a), r * Math.sin(a)]);
  }
  return out;
}

/** Heart centred on the origin, about 2*size wide. */
export function heartPath(size: number): string {
  const s = size / 25;
  const p = (x: number, y: number) => `${num(x * s)},${num(y * s)}`;
  return (
    `M${p(0, 22)}C${p(-30, 2)} ${p(-26, -24)} ${p(-10, -24)}C${p(-4, -24)} ${p(0, -19)} ${p(0, -14)}` +
    `C${p(0, -19)} ${p(4, -24)} ${p(10, -24)}C${p(26, -24)} ${p(30, 2)} ${p(0, 22)}Z`
  );
}

/** Irregular closed blob: radial noise around an ellipse. */
export function blobPath(rng: Rng, radius: number, jitter: number, points = 10, stretch = 1): string {
  const pts: Pt[] = [];
  const phase = rng.range(0, Math.PI * 2);
  for (let i = 0; i < points; i++) {
    const a = phase + (i / points) * Math.PI * 2;
    const r = radius * (1 - jitter / 2 + rng.next() * jitter);
    pts.push([Math.cos(a) * r * stretch, Math.sin(a) * r]);
  }
  return smoothClosedPath(pts);
}
