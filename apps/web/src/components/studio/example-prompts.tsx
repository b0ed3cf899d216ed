import { examples } from './prompt.ts';

/** Prompts to start from: one click fills the prompt, garment and style. */
export function ExamplePrompts({ onPick }: { onPick: (example: (typeof examples)[number]) => void }) {
  return (
    <fieldset className="-mt-2">
      <legend className="sr-only">Example prompts</legend>
      <div className="flex flex-wrap gap-1.5">
        {examples.map((ex) => (
          <button
            key={ex.prompt}
            type="button"
            onClick={() => onPick(ex)}
            className="rounded-full border border-sand bg-white/70 dark:bg-white/5 px-3 py-1 text-left text-xs text-ink-soft transition-colors hover:border-accent/40 hover:bg-accent-soft hover:text-accent-dark"
          >
            {ex.prompt}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
