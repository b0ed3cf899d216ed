import type { Design, DesignVersion, DesignVersionList } from '@btb/contracts';
import { ArrowRight, RefreshCw } from 'lucide-react';
import { Link } from 'react-router';
import { CandidatePicker, VersionHistory } from './design-versions.tsx';
import { FidelityNote } from './fidelity-note.tsx';
import { Palette, QualityReportView } from './quality-report.tsx';
import { Badge } from './ui/badge.tsx';
import { Button, ButtonLink } from './ui/button.tsx';

/** A ready design in the studio: its candidates, what could not be drawn, its history and what to do next. */
export function StudioResult({
  design,
  versions,
  selecting,
  onSelect,
  onRegenerate,
  regenerating,
}: {
  design: Design;
  versions: DesignVersionList | null;
  selecting: string | null;
  onSelect: (version: DesignVersion) => void;
  onRegenerate: () => void;
  regenerating: boolean;
}) {
  return (
    <div className="flex flex-col gap-5" data-testid="studio-result">
      {versions && <CandidatePicker list={versions} onSelect={onSelect} selecting={selecting} />}
      <div className="grid grid-cols-2 gap-3">
        <figure className="overflow-hidden rounded-xl border border-sand bg-linen">
          <img
            src={design.previewUrl ?? design.thumbnailUrl ?? ''}
            alt={`${design.title} on a ${design.category}`}
            className="aspect-square w-full object-cover"
          />
          <figcaption className="px-3 py-2 text-xs text-ink-soft">On the garment</figcaption>
        </figure>
        <figure className="overflow-hidden rounded-xl border border-sand bg-linen">
          <div
            role="img"
            aria-label="Seamless repeat"
            className="aspect-square w-full"
            style={{
              backgroundImage: `url(${design.thumbnailUrl ?? design.imageUrl ?? ''})`,
              backgroundSize: '50%',
            }}
          />
          <figcaption className="px-3 py-2 text-xs text-ink-soft">Seamless repeat</figcaption>
        </figure>
      </div>
      <FidelityNote fidelity={design.fidelity} />
      <Palette colors={design.colors} />
      {design.tags.length > 0 && (
        <div className="flex flex-wrap gap-1.5">
          {design.tags.map((t) => (
            <Badge key={t}>#{t}</Badge>
          ))}
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <ButtonLink to={`/designs/${design.id}`}>
          Open design <ArrowRight aria-hidden className="h-4 w-4" />
        </ButtonLink>
        <Button variant="outline" onClick={onRegenerate} loading={regenerating}>
          <RefreshCw aria-hidden className="h-4 w-4" /> New variation
        </Button>
        <Link
          to={`/checkout/${design.id}`}
          className="inline-flex h-10 items-center px-2 text-sm font-medium text-accent hover:underline"
        >
          Order it
        </Link>
      </div>
      {versions && <VersionHistory list={versions} onSelect={onSelect} selecting={selecting} />}
      <section aria-labelledby="quality-h">
        <h3 id="quality-h" className="mb-2 text-sm font-semibold">
          Quality report
        </h3>
        <QualityReportView quality={design.quality} />
      </section>
    </div>
  );
}
