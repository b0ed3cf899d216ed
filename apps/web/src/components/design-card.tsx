import type { Design } from '@btb/contracts';
import { Eye, Lock } from 'lucide-react';
import { Link } from 'react-router';
import { Skeleton } from './ui/skeleton.tsx';
import { LikeButton } from './like-button.tsx';
import { Badge } from './ui/badge.tsx';

export function DesignThumb({ design, className }: { design: Design; className?: string }) {
  const src = design.thumbnailUrl ?? design.previewUrl ?? design.imageUrl;
  if (src) {
    return <img src={src} alt="" loading="lazy" decoding="async" className={className} />;
  }
  // Not rendered yet: paint the palette.
  const colors = design.colors.length ? design.colors : ['#e7dfd3', '#f3eee6'];
  return (
    <div
      aria-hidden
      className={className}
      style={{
        background: `repeating-linear-gradient(45deg, ${colors.map((c, i) => `${c} ${i * 14}px ${(i + 1) * 14}px`).join(', ')})`,
      }}
    />
  );
}

export function DesignCard({ design }: { design: Design }) {
  return (
    <article className="group flex flex-col overflow-hidden rounded-2xl border border-sand/80 bg-white/70 dark:bg-white/5 shadow-sm transition-shadow hover:shadow-md">
      {/* The picture repeats the title's link for the mouse; keyboards and screen readers get one link per card. */}
      <Link
        to={`/designs/${design.id}`}
        tabIndex={-1}
        aria-hidden
        className="relative block aspect-square overflow-hidden bg-linen"
      >
        <DesignThumb
          design={design}
          className="h-full w-full object-cover transition-transform duration-500 group-hover:scale-[1.03]"
        />
        {!design.isPublic && (
          <Badge className="absolute top-2 left-2 bg-white/90 dark:bg-paper/90">
            <Lock aria-hidden className="h-3 w-3" /> Private
          </Badge>
        )}
        {design.status !== 'ready' && (
          <Badge tone={design.status === 'failed' ? 'danger' : 'warning'} className="absolute top-2 right-2">
            {design.status}
          </Badge>
        )}
      </Link>
      <div className="flex items-start justify-between gap-2 p-3">
        <div className="min-w-0">
          <h3 className="text-sm font-semibold">
            {/* A line 24 px tall: a target a finger can hit beside the like button. */}
            <Link to={`/designs/${design.id}`} className="block truncate leading-6 hover:underline">
              {design.title}
            </Link>
          </h3>
          <p className="flex items-center gap-2 truncate text-xs text-ink-soft">
            <span className="truncate">by {design.author?.name ?? 'someone'}</span>
            <span className="inline-flex items-center gap-0.5" title="Views">
              <Eye aria-hidden className="h-3 w-3" />
              <span className="sr-only">views</span>
              {design.views}
            </span>
          </p>
        </div>
        <LikeButton designId={design.id} likes={design.likes} liked={Boolean(design.likedByMe)} />
      </div>
    </article>
  );
}

export function DesignCardSkeleton() {
  return (
    <div className="flex flex-col overflow-hidden rounded-2xl border border-sand/60 bg-white/50 dark:bg-white/5">
      <Skeleton className="aspect-square rounded-none" />
      <div className="flex flex-col gap-2 p-3">
        <Skeleton className="h-4 w-2/3" />
        <Skeleton className="h-3 w-1/3" />
      </div>
    </div>
  );
}
