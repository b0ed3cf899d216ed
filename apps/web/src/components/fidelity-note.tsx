import type { ArtCredit, Fidelity } from '@btb/contracts';
import { Info } from 'lucide-react';

/** Plain words for one thing the prompt named that was not drawn as named. */
export function substitutionSentence(m: Fidelity['motifs'][number]): string | null {
  if (m.match === 'exact') return null;
  if (m.match === 'closest' && m.drawn)
    return `We couldn't draw “${m.named}” — we used “${m.drawn}” instead.`;
  return `We couldn't draw “${m.named}”, so it is not in the print.`;
}

/**
 * Tells the person, before they order, what could not be drawn and what was used instead.
 * Nothing is shown when everything named was drawn (or no record exists).
 */
export function FidelityNote({ fidelity }: { fidelity: Fidelity | null }) {
  if (!fidelity) return null;
  const sentences = fidelity.motifs.map(substitutionSentence).filter((s): s is string => s !== null);
  if (!fidelity.message && sentences.length === 0) return null;
  return (
    <div
      role="note"
      aria-label="What we could not draw"
      data-testid="fidelity-note"
      className="flex gap-3 rounded-xl border border-amber-200 dark:border-amber-900/60 bg-amber-50 dark:bg-amber-950/40 p-3.5 text-sm text-amber-900 dark:text-amber-200"
    >
      <Info aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
      {/* The generator's own words when it wrote them; otherwise ours, one line per thing. */}
      {fidelity.message ? (
        <p className="font-medium">{fidelity.message}</p>
      ) : (
        <ul className="flex flex-col gap-1 font-medium">
          {sentences.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Who drew the drawings in the print, with their licences. */
export function ArtCredits({ credits }: { credits: ArtCredit[] }) {
  if (credits.length === 0) return null;
  return (
    <section aria-labelledby="credits-h" className="text-xs text-ink-soft">
      <h2 id="credits-h" className="mb-1 text-sm font-semibold text-ink">
        Drawing credits
      </h2>
      <ul className="flex flex-col gap-0.5">
        {credits.map((c) => (
          <li key={c.set}>
            {c.drawings.length > 0 && <span className="text-ink">{c.drawings.join(', ')}</span>}
            {c.drawings.length > 0 && ' from '}
            {c.url ? (
              <a href={c.url} target="_blank" rel="noreferrer" className="underline hover:text-accent">
                {c.set}
              </a>
            ) : (
              c.set
            )}{' '}
            by {c.author} ({c.license})
          </li>
        ))}
      </ul>
    </section>
  );
}
