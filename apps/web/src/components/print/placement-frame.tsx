import {
  clampPlacement,
  fullPlacement,
  MOCKUP_CANVAS_PX,
  type PrintPlacement,
  type Product,
  placementOnCanvas,
  productGeometry,
} from '@btb/contracts';
import { type KeyboardEvent, type PointerEvent, useRef } from 'react';

const STEP = 30;

export interface PlacementProps {
  product: Product;
  placement: PrintPlacement;
  onChange: (p: PrintPlacement) => void;
}

/** The print's frame over the mockup: dragged to move, its corner handle to resize, or both by arrow keys. */
export function PlacementFrame({ product, placement, onChange }: PlacementProps) {
  const geometry = productGeometry(product.id, product.category);
  const area = product.printAreas[0] ?? geometry.printArea;
  const box = useRef<HTMLDivElement>(null);
  const drag = useRef<{ mode: 'move' | 'resize'; x: number; y: number; start: PrintPlacement } | null>(null);
  const bounds = placementOnCanvas(geometry, fullPlacement(area));
  const rect = placementOnCanvas(geometry, placement);
  const pct = (v: number) => `${(v / MOCKUP_CANVAS_PX) * 100}%`;
  const set = (p: PrintPlacement) => onChange(clampPlacement(area, p));
  /** Print-area pixels per screen pixel. */
  const scale = () =>
    (MOCKUP_CANVAS_PX / (box.current?.parentElement?.clientWidth || MOCKUP_CANVAS_PX)) *
    (area.widthPx / geometry.printAreaOnCanvas.width);

  const start = (mode: 'move' | 'resize') => (e: PointerEvent) => {
    e.stopPropagation();
    (e.target as HTMLElement).setPointerCapture(e.pointerId);
    drag.current = { mode, x: e.clientX, y: e.clientY, start: placement };
  };
  const move = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const k = scale();
    const dx = (e.clientX - d.x) * k;
    const dy = (e.clientY - d.y) * k;
    if (d.mode === 'move') set({ ...d.start, x: d.start.x + dx, y: d.start.y + dy });
    else set({ ...d.start, width: d.start.width + dx });
  };
  const end = () => {
    drag.current = null;
  };
  const keys = (mode: 'move' | 'resize') => (e: KeyboardEvent) => {
    const step = e.shiftKey ? STEP * 5 : STEP;
    const delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[
      e.key
    ];
    if (!delta) return;
    e.preventDefault();
    e.stopPropagation();
    const [dx, dy] = delta as [number, number];
    if (mode === 'move') set({ ...placement, x: placement.x + dx, y: placement.y + dy });
    else set({ ...placement, width: placement.width + dx - dy });
  };

  return (
    <>
      <div
        aria-hidden
        className="pointer-events-none absolute border border-dashed border-ink/30"
        style={{
          left: pct(bounds.x),
          top: pct(bounds.y),
          width: pct(bounds.width),
          height: pct(bounds.height),
        }}
      />
      <div
        ref={box}
        role="slider"
        tabIndex={0}
        aria-label="Print position: arrow keys move it"
        aria-valuetext={`${Math.round(placement.x)} px from the left, ${Math.round(placement.y)} px from the top`}
        aria-valuenow={Math.round(placement.x)}
        className="absolute cursor-move touch-none border-2 border-accent bg-accent/10 focus:outline-2 focus:outline-offset-2 focus:outline-accent"
        style={{ left: pct(rect.x), top: pct(rect.y), width: pct(rect.width), height: pct(rect.height) }}
        onPointerDown={start('move')}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        onKeyDown={keys('move')}
        data-testid="print-frame"
      />
      {/* Beside the frame, not inside it: one slider may not hold another. */}
      <div
        role="slider"
        tabIndex={0}
        aria-label="Print size: arrow keys resize it"
        aria-valuenow={Math.round(placement.width)}
        aria-valuemin={Math.ceil(area.widthPx / 10)}
        aria-valuemax={area.widthPx}
        className="absolute -mt-3 -ml-3 h-6 w-6 cursor-nwse-resize touch-none rounded-full border-2 border-white bg-accent shadow focus:outline-2 focus:outline-offset-2 focus:outline-accent"
        style={{ left: pct(rect.x + rect.width), top: pct(rect.y + rect.height) }}
        onPointerDown={start('resize')}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        onKeyDown={keys('resize')}
        data-testid="print-handle"
      />
    </>
  );
}
