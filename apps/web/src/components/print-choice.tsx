import {
  clampPlacement,
  type Design,
  effectiveDpi,
  fullPlacement,
  MOCKUP_CANVAS_PX,
  type PrintOptions,
  type PrintPlacement,
  type MockupView,
  type Product,
  placementOnCanvas,
  productGeometry,
  REPEAT_SCALE,
  viewsOf,
} from '@btb/contracts';
import { type KeyboardEvent, type PointerEvent, useRef, useState } from 'react';
import { api } from '../api/index.ts';
import { useDebouncedValue } from '../lib/use-debounce.ts';
import { AuthImage } from './auth-image.tsx';
import { MockupLookPicker } from './mockup-look-picker.tsx';
import { Field, Input } from './ui/input.tsx';

interface Props {
  design: Pick<Design, 'id' | 'title' | 'isPublic' | 'quality'>;
  product: Product;
  value: PrintOptions;
  onChange: (value: PrintOptions) => void;
  /** The garment colour chosen (a variant's colour name), shown in the mockup. */
  color?: string;
}

/**
 * Where the design goes on the product: a placed print is dragged, resized by its corner handle or
 * typed in (arrow keys move it, or resize it on the handle); an all-over repeat gets a scale and a
 * rotation. The mockup beneath is the server's, drawn with the same choice the order will carry.
 */
export function PrintChoice({ design, product, value, onChange, color }: Props) {
  const geometry = productGeometry(product.id, product.category);
  const area = product.printAreas[0] ?? geometry.printArea;
  const shown = useDebouncedValue(value, 250);
  const [view, setView] = useState<MockupView>('front');
  const side = viewsOf(geometry).includes(view) ? view : 'front';
  const dpi = design.quality ? effectiveDpi(design.quality, area, value) : null;
  return (
    <div className="flex flex-col gap-3">
      <div className="relative aspect-square w-full max-w-sm overflow-hidden rounded-xl bg-linen">
        <AuthImage
          src={api.designs.mockupUrl(design.id, product.id, shown, { view: side, color })}
          needsAuth={!design.isPublic}
          alt={`${design.title} on the ${product.name}${color ? ` in ${color}` : ''}, ${side}, as it will be printed`}
          className="h-full w-full object-cover"
        />
        <MockupLookPicker product={product} view={side} onView={setView} className="absolute top-2 right-2" />
        {geometry.printKind === 'placed' && side === 'front' && (
          <PlacementFrame
            product={product}
            placement={value.placement ?? fullPlacement(area)}
            onChange={(placement) => onChange({ placement })}
          />
        )}
      </div>
      {geometry.printKind === 'placed' ? (
        <PlacementInputs
          product={product}
          placement={value.placement ?? fullPlacement(area)}
          onChange={(placement) => onChange({ placement })}
        />
      ) : (
        <RepeatInputs value={value} onChange={onChange} />
      )}
      {dpi !== null && (
        <p className="text-xs text-ink-soft" aria-live="polite">
          Prints at {dpi} DPI{dpi < 150 ? ': below 150 DPI it will look soft' : ''}.
        </p>
      )}
    </div>
  );
}

const STEP = 30;

interface PlacementProps {
  product: Product;
  placement: PrintPlacement;
  onChange: (p: PrintPlacement) => void;
}

function PlacementFrame({ product, placement, onChange }: PlacementProps) {
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

function PlacementInputs({ product, placement, onChange }: PlacementProps) {
  const area = product.printAreas[0] ?? productGeometry(product.id, product.category).printArea;
  const field = (key: keyof PrintPlacement, label: string) => (
    <Field label={label}>
      {(props) => (
        <Input
          {...props}
          type="number"
          inputMode="numeric"
          min={key === 'width' ? Math.ceil(area.widthPx / 10) : 0}
          max={key === 'y' ? area.heightPx : area.widthPx}
          step={10}
          value={Math.round(placement[key])}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isFinite(v)) onChange(clampPlacement(area, { ...placement, [key]: v }));
          }}
        />
      )}
    </Field>
  );
  return (
    <fieldset className="grid grid-cols-3 gap-2">
      <legend className="mb-1 text-sm font-medium">
        Print placement (px of the {area.widthPx}×{area.heightPx} {area.placement} area)
      </legend>
      {field('x', 'From left')}
      {field('y', 'From top')}
      {field('width', 'Width')}
    </fieldset>
  );
}

function RepeatInputs({ value, onChange }: { value: PrintOptions; onChange: (v: PrintOptions) => void }) {
  const repeat = value.repeat ?? { scale: 100, rotation: 0 };
  const set = (r: Partial<typeof repeat>) => onChange({ repeat: { ...repeat, ...r } });
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-sm font-medium">Pattern</legend>
      <label className="flex flex-col gap-1 text-sm">
        <span>
          Repeat scale: <output>{repeat.scale}%</output>
        </span>
        <input
          type="range"
          min={REPEAT_SCALE.min}
          max={REPEAT_SCALE.max}
          step={5}
          value={repeat.scale}
          onChange={(e) => set({ scale: Number(e.target.value) })}
          className="accent-accent"
        />
      </label>
      <div className="flex flex-wrap items-end gap-2">
        {[0, 90, 180, 270].map((deg) => (
          <button
            key={deg}
            type="button"
            aria-pressed={repeat.rotation === deg}
            onClick={() => set({ rotation: deg })}
            className="h-9 rounded-lg border border-sand px-3 text-sm aria-pressed:border-accent aria-pressed:bg-accent/10"
          >
            {deg}°
          </button>
        ))}
        <Field label="Rotation (degrees)">
          {(props) => (
            <Input
              {...props}
              type="number"
              min={0}
              max={359}
              className="w-28"
              value={repeat.rotation}
              onChange={(e) => {
                const v = Number(e.target.value);
                if (Number.isFinite(v)) set({ rotation: ((Math.round(v) % 360) + 360) % 360 });
              }}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
