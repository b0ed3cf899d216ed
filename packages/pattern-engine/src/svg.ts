export type Pt = readonly [number, number];

/** Two decimals keep output small and byte-stable across platforms. */
export function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function polygonPath(points: readonly Pt[]): string {
  return `M${points.map(([x, y]) => `${num(x)},${num(y)}`).join('L')}Z`;
}

export function polylinePath(points: readonly Pt[]): string {
  return `M${points.map(([x, y]) => `${num(x)},${num(y)}`).join('L')}`;
}

/** Closed Catmull-Rom spline through the points, as cubic Beziers: organic blobs from a handful of points. */
export function smoothClosedPath(points: readonly Pt[]): string {
  const n = points.length;
  let d = `M${num(points[0][0])},${num(points[0][1])}`;
  for (let i = 0; i < n; i++) {
    const p0 = points[(i - 1 + n) % n];
    const p1 = points[i];
    const p2 = points[(i + 1) % n];
    const p3 = points[(i + 2) % n];
    const c1x = p1[0] + (p2[0] - p0[0]) / 6;
    const c1y = p1[1] + (p2[1] - p0[1]) / 6;
    const c2x = p2[0] - (p3[0] - p1[0]) / 6;
    const c2y = p2[1] - (p3[1] - p1[1]) / 6;
    d += `C${num(c1x)},${num(c1y)} ${num(c2x)},${num(c2y)} ${num(p2[0])},${num(p2[1])}`;
  }
  return `${d}Z`;
}

/** Open Catmull-Rom spline (end points duplicated). */
export function smoothOpenPath(points: readonly Pt[]): string {
  const n = points.length;
  let d = `M${num(points[0][0])},${num(points[0][1])}`;
  for (let i = 0; i < n - 1; i++) {
    const p0 = points[Math.max(0, i - 1)];
    const p1 = points[i];
    const p2 = points[i + 1];
    const p3 = points[Math.min(n - 1, i + 2)];
    const c1x = p1[0] + (p2[0] - p0[0]) / 6;
    const c1y = p1[1] + (p2[1] - p0[1]) / 6;
    const c2x = p2[0] - (p3[0] - p1[0]) / 6;
    const c2y = p2[1] - (p3[1] - p1[1]) / 6;
    d += `C${num(c1x)},${num(c1y)} ${num(c2x)},${num(c2y)} ${num(p2[0])},${num(p2[1])}`;
  }
  return d;
}

export function path(d: string, fill: string, extra = ''): string {
  return `<path d="${d}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
}

export function circle(cx: number, cy: number, r: number, fill: string, extra = ''): string {
  return `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
}

export function ellipse(cx: number, cy: number, rx: number, ry: number, fill: string, extra = ''): string {
  return `<ellipse cx="${num(cx)}" cy="${num(cy)}" rx="${num(rx)}" ry="${num(ry)}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
}

export function group(content: string, transform?: string, extra = ''): string {
  const t = transform ? ` transform="${transform}"` : '';
  return `<g${t}${extra ? ` ${extra}` : ''}>${content}</g>`;
}

export function place(x: number, y: number, rotDeg = 0, scale = 1): string {
  let t = `translate(${num(x)} ${num(y)})`;
  if (rotDeg) t += ` rotate(${num(rotDeg)})`;
  if (scale !== 1) t += ` scale(${Math.round(scale * 1000) / 1000})`;
  return t;
}

export function rotatePt([x, y]: Pt, deg: number): Pt {
  const a = (deg * Math.PI) / 180;
  return [x * Math.cos(a) - y * Math.sin(a), x * Math.sin(a) + y * Math.cos(a)];
}
