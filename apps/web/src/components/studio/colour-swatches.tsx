import { Plus, Trash2 } from 'lucide-react';
import type { Dispatch, SetStateAction } from 'react';
import { Button } from '../ui/button.tsx';
import { extraColors, swatch } from './prompt.ts';

export type Swatch = { id: number; hex: string };

/** Up to five colours that override the ones the prompt names. */
export function ColourSwatches({
  colors,
  setColors,
  error,
}: {
  colors: Swatch[];
  setColors: Dispatch<SetStateAction<Swatch[]>>;
  error?: string;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1.5 text-sm font-medium">
        Colours <span className="font-normal text-ink-soft">({colors.length}/5)</span>
      </legend>
      <div className="flex flex-wrap items-center gap-2">
        {colors.map((c, i) => (
          <div
            key={c.id}
            className="flex items-center gap-1 rounded-full border border-sand bg-white dark:bg-linen py-1 pr-1 pl-1.5"
          >
            <input
              type="color"
              value={c.hex}
              aria-label={`Colour ${i + 1}`}
              onChange={(e) =>
                setColors((cs) => cs.map((x) => (x.id === c.id ? { ...x, hex: e.target.value } : x)))
              }
              className="h-7 w-7 cursor-pointer rounded-full border-0 bg-transparent p-0 [&::-webkit-color-swatch]:rounded-full [&::-webkit-color-swatch]:border-black/10 [&::-webkit-color-swatch-wrapper]:p-0"
            />
            <span className="font-mono text-xs uppercase">{c.hex}</span>
            <button
              type="button"
              onClick={() => setColors((cs) => cs.filter((x) => x.id !== c.id))}
              aria-label={`Remove colour ${i + 1}`}
              className="rounded-full p-1 text-ink-soft hover:bg-linen hover:text-danger"
            >
              <Trash2 aria-hidden className="h-3.5 w-3.5" />
            </button>
          </div>
        ))}
        {colors.length < 5 && (
          <Button
            variant="outline"
            size="sm"
            onClick={() => setColors((cs) => [...cs, swatch(extraColors[cs.length] ?? '#888888')])}
          >
            <Plus aria-hidden className="h-3.5 w-3.5" /> Add colour
          </Button>
        )}
      </div>
      {colors.length === 0 && (
        <p className="text-xs text-ink-soft">
          No colours chosen: the colours your prompt names lead. Add one only to override them.
        </p>
      )}
      {error && <p className="text-sm text-danger">{error}</p>}
    </fieldset>
  );
}
