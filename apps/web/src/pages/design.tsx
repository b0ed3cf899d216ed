import type { Design, Product } from '@btb/contracts';
import { Check, Eye, Globe, Link2, Lock, ShoppingBag } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../api/index.ts';
import { GenerationProgressLive } from '../components/generation-progress.tsx';
import { ArtCredits, FidelityNote } from '../components/fidelity-note.tsx';
import { EmptyState, ErrorNote } from '../components/layout.tsx';
import { LikeButton } from '../components/like-button.tsx';
import { Palette, QualityReportView } from '../components/quality-report.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button, ButtonLink } from '../components/ui/button.tsx';
import { Dialog } from '../components/ui/dialog.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { toast } from '../components/ui/toast.tsx';
import { formatDate, humanize } from '../lib/format.ts';
import { useTitle } from '../lib/use-title.ts';
import { useAuth } from '../stores/auth.ts';
import { OwnerActions } from '../components/design/owner-actions.tsx';
import { ProductMockups } from '../components/design/product-mockups.tsx';
import { EditDesignDialog } from '../components/design/edit-design-dialog.tsx';

export function DesignPage() {
  const { id = '' } = useParams();
  const [design, setDesign] = useState<Design | null>(null);
  const [products, setProducts] = useState<Product[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const user = useAuth((s) => s.user);
  const navigate = useNavigate();
  useTitle(design?.title ?? 'Design');

  const load = useCallback(async () => {
    setError(null);
    try {
      setDesign(await api.designs.get(id));
    } catch (err) {
      setError(err);
    }
  }, [id]);

  useEffect(() => {
    setDesign(null);
    void load();
  }, [load]);

  useEffect(() => {
    api.catalog.products().then(setProducts, () => setProducts([]));
  }, []);

  if (error instanceof ApiError && error.notFound) {
    return (
      <EmptyState page title="Design not found">
        It may be private or deleted.{' '}
        <Link to="/" className="font-medium text-accent underline">
          Back to the gallery
        </Link>
      </EmptyState>
    );
  }
  if (error) return <ErrorNote error={error} retry={load} />;
  if (!design) {
    return (
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-2" aria-busy="true">
        <Skeleton className="aspect-square w-full" />
        <div className="flex flex-col gap-4">
          <Skeleton className="h-8 w-2/3" />
          <Skeleton className="h-4 w-1/3" />
          <Skeleton className="h-24 w-full" />
        </div>
      </div>
    );
  }

  const isOwner = user?.id === design.userId || user?.role === 'admin';

  async function togglePublic() {
    if (!design) return;
    setBusy(true);
    try {
      const next = await api.designs.update(design.id, { isPublic: !design.isPublic });
      setDesign(next);
      toast.success(next.isPublic ? 'Published to the gallery' : 'Now private');
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!design) return;
    setBusy(true);
    try {
      await api.designs.remove(design.id);
      toast.success('Design deleted');
      navigate('/', { replace: true });
    } catch (err) {
      toast.error((err as Error).message);
      setBusy(false);
    }
  }

  async function share() {
    const url = `${location.origin}/designs/${design?.id}`;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      toast.success('Link copied');
      setTimeout(() => setCopied(false), 2000);
    } catch {
      window.prompt('Copy this link', url);
    }
  }

  return (
    <div className="flex flex-col gap-10">
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)]">
        <div className="flex flex-col gap-3">
          <div className="overflow-hidden rounded-3xl border border-sand bg-linen">
            {design.status === 'ready' ? (
              <img
                src={design.previewUrl ?? design.imageUrl ?? ''}
                alt={`${design.title} on a ${design.category}`}
                className="aspect-square w-full object-cover"
              />
            ) : (
              <div className="flex aspect-square items-center justify-center p-8">
                <div className="w-full max-w-sm">
                  {design.status === 'failed' ? (
                    <p className="text-danger">Generation failed: {design.failureReason}</p>
                  ) : (
                    <GenerationProgressLive designId={design.id} onFinished={() => void load()} />
                  )}
                </div>
              </div>
            )}
          </div>
          {design.status === 'ready' && (design.thumbnailUrl || design.modelUrl) && (
            <div className="grid grid-cols-3 gap-3">
              <div
                role="img"
                aria-label="Seamless repeat tile"
                className="col-span-2 aspect-[2/1] rounded-2xl border border-sand"
                style={{
                  backgroundImage: `url(${design.modelUrl ?? design.thumbnailUrl})`,
                  backgroundSize: '33.3% auto',
                }}
              />
              <img
                src={design.modelUrl ?? design.thumbnailUrl ?? ''}
                alt="One tile of the repeat"
                className="aspect-square w-full rounded-2xl border border-sand object-cover"
              />
            </div>
          )}
        </div>

        <div className="flex flex-col gap-5">
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
                <Eye aria-hidden className="h-3.5 w-3.5" /> {design.views}{' '}
                {design.views === 1 ? 'view' : 'views'}
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
          <div className="flex flex-wrap items-center gap-2">
            <ButtonLink
              to={`/checkout/${design.id}`}
              variant="accent"
              size="lg"
              aria-disabled={design.status !== 'ready'}
            >
              <ShoppingBag aria-hidden className="h-4 w-4" /> Order this
            </ButtonLink>
            <LikeButton
              key={design.id}
              designId={design.id}
              likes={design.likes}
              liked={Boolean(design.likedByMe)}
              size="lg"
            />
            <Button variant="outline" onClick={share}>
              {copied ? <Check aria-hidden className="h-4 w-4" /> : <Link2 aria-hidden className="h-4 w-4" />}
              {copied ? 'Copied' : 'Share'}
            </Button>
          </div>
          {isOwner && (
            <OwnerActions
              design={design}
              busy={busy}
              onEdit={() => setEditing(true)}
              onTogglePublic={togglePublic}
              onDelete={() => setConfirmDelete(true)}
            />
          )}
          <ArtCredits credits={design.credits} />
          {design.quality && (
            <details className="rounded-2xl border border-sand bg-white/60 dark:bg-white/5 p-4">
              <summary className="cursor-pointer text-sm font-semibold">Print quality</summary>
              <div className="mt-3">
                <QualityReportView quality={design.quality} />
              </div>
            </details>
          )}
        </div>
      </div>

      {design.status === 'ready' && <ProductMockups design={design} products={products} />}

      <EditDesignDialog
        design={design}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={setDesign}
      />
      <Dialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title="Delete this design?"
        description="It disappears from the gallery and your studio. Orders already placed are not affected. This cannot be undone."
      >
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => setConfirmDelete(false)}>
            Keep it
          </Button>
          <Button variant="danger" onClick={remove} loading={busy}>
            Delete design
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
