import {
  clampPlacement,
  type PrintPlacement,
  type PrintOptions,
  productGeometry,
  REPEAT_SCALE,
} from '@btb/contracts';
import { Field, Input } from '../ui/input.tsx';
import type { PlacementProps } from './placement-frame.tsx';

/** The placed print's position and width, typed. */
export function PlacementInputs({ product, placement, onChange }: PlacementProps) {
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

/** An all-over repeat's scale and rotation. */
export function RepeatInputs({
  value,
  onChange,
}: {
  value: PrintOptions;
  onChange: (v: PrintOptions) => void;
}) {
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
