import type { QualityReport } from '@btb/contracts';
import { AlertTriangle, CheckCircle2, XCircle } from 'lucide-react';
import { humanize } from '../lib/format.ts';
import { Badge } from './ui/badge.tsx';

export function QualityReportView({ quality }: { quality: QualityReport | null }) {
  if (!quality)
    return <p className="text-sm text-ink-soft">The quality report appears once the design is ready.</p>;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap gap-2">
        <Badge tone={quality.printReady ? 'success' : 'warning'}>
          {quality.printReady ? (
            <CheckCircle2 aria-hidden className="h-3 w-3" />
          ) : (
            <AlertTriangle aria-hidden className="h-3 w-3" />
          )}
          {quality.printReady ? 'Print-ready' : 'Needs attention'}
        </Badge>
        <Badge>
          {quality.vector
            ? 'Vector (scales to any size)'
            : `${quality.sourceWidthPx}×${quality.sourceHeightPx}px`}
        </Badge>
        <Badge>Contrast {quality.contrastRatio.toFixed(1)}:1</Badge>
        <Badge>{quality.colorCount} colours</Badge>
      </div>
      {quality.printAreas.length > 0 && (
        <section
          aria-label="Print readiness per print area"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus to scroll by keyboard
          tabIndex={0}
          className="overflow-x-auto"
        >
          <table className="w-full min-w-[28rem] text-left text-sm">
            <caption className="sr-only">Print readiness per print area</caption>
            <thead className="text-xs text-ink-soft">
              <tr className="border-b border-sand">
                <th className="py-2 pr-3 font-medium">Product · area</th>
                <th className="py-2 pr-3 font-medium">Size</th>
                <th className="py-2 pr-3 font-medium">Effective DPI</th>
                <th className="py-2 font-medium">Print-ready</th>
              </tr>
            </thead>
            <tbody>
              {quality.printAreas.map((a) => (
                <tr key={`${a.productId}-${a.placement}`} className="border-b border-sand/50 last:border-0">
                  <td className="py-2 pr-3">
                    {humanize(a.productId.replace(/-/g, ' '))} · {a.placement}
                  </td>
                  <td className="py-2 pr-3 tabular-nums text-ink-soft">
                    {a.widthPx}×{a.heightPx}
                  </td>
                  <td className="py-2 pr-3 tabular-nums">
                    {a.effectiveDpi} <span className="text-ink-soft">/ {a.requiredDpi}</span>
                  </td>
                  <td className="py-2">
                    {a.printReady ? (
                      <span className="inline-flex items-center gap-1 text-sage">
                        <CheckCircle2 aria-hidden className="h-4 w-4" /> Yes
                      </span>
                    ) : (
                      <span className="inline-flex items-center gap-1 text-danger">
                        <XCircle aria-hidden className="h-4 w-4" /> No
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {quality.warnings.length > 0 && (
        <ul className="list-disc pl-5 text-sm text-amber-800 dark:text-amber-300">
          {quality.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Palette({ colors }: { colors: string[] }) {
  if (!colors.length) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Palette">
      {colors.map((c) => (
        <li
          key={c}
          className="flex items-center gap-2 rounded-full border border-sand bg-white/70 dark:bg-white/5 py-1 pr-3 pl-1 text-xs"
        >
          <span
            className="h-5 w-5 rounded-full border border-black/10 dark:border-white/20"
            style={{ backgroundColor: c }}
          />
          <span className="font-mono uppercase">{c}</span>
        </li>
      ))}
    </ul>
  );
}
