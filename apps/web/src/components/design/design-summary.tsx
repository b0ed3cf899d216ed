import type { Design } from '@btb/contracts';
import { Eye, Globe, Lock } from 'lucide-react';
import { Link } from 'react-router';
import { formatDate, humanize } from '../../lib/format.ts';
import { ArtCredits, FidelityNote } from '../fidelity-note.tsx';
import { Palette, QualityReportView } from '../quality-report.tsx';
import { Badge } from '../ui/badge.tsx';

/** The design's badges, title, author and words, its palette and tags. */
export function DesignHeading({ design }: { design: Design }) {
  return (
    <>
      <div className="flex flex-wrap gap-2">
        <Badge tone="accent">{humanize(design.category)}</Badge>
        <Badge>{humanize(design.style)}</Badge>
        {design.isPublic ? (
          <Badge tone="success">
            <Globe aria-hidden className="h-3 w-3" /> Public
          </Badge>
        ) : (
          <Badge>
            <Lock aria-hidden className="h-3 w-3" /> Private
          </Badge>
        )}
        {design.hidden && <Badge tone="danger">Hidden by moderators</Badge>}
      </div>
      <div>
        <h1 className="text-3xl font-semibold sm:text-4xl">{design.title}</h1>
        <p className="mt-2 text-sm text-ink-soft">
          by <span className="font-medium text-ink">{design.author?.name}</span> ·{' '}
          <time dateTime={design.createdAt}>{formatDate(design.createdAt)}</time> ·{' '}
          <span className="inline-flex items-center gap-1">
            <Eye aria-hidden className="h-3.5 w-3.5" /> {design.views} {design.views === 1 ? 'view' : 'views'}
          </span>
        </p>
      </div>
      {design.description && <p className="text-ink-soft">{design.description}</p>}
      <blockquote className="rounded-2xl border-l-4 border-accent bg-white/70 dark:bg-white/5 px-4 py-3 text-sm italic">
        “{design.prompt}”
      </blockquote>
      <Palette colors={design.colors} />
      {design.tags.length > 0 && (
        <div className="flex flex-wrap gap-1.5">
          {design.tags.map((t) => (
            <Link
              key={t}
              to={`/?tag=${encodeURIComponent(t)}`}
              className="rounded-full bg-linen px-2.5 py-0.5 text-xs font-medium hover:bg-sand"
            >
              #{t}
            </Link>
          ))}
        </div>
      )}
      <FidelityNote fidelity={design.fidelity} />
    </>
  );
}

/** Where the art comes from, and how well it prints. */
export function DesignProvenance({ design }: { design: Design }) {
  return (
    <>
      <ArtCredits credits={design.credits} />
      {design.quality && (
        <details className="rounded-2xl border border-sand bg-white/60 dark:bg-white/5 p-4">
          <summary className="cursor-pointer text-sm font-semibold">Print quality</summary>
          <div className="mt-3">
            <QualityReportView quality={design.quality} />
          </div>
        </details>
      )}
    </>
  );
}
