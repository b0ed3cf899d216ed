import type { Design } from '@btb/contracts';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/index.ts';
import { useUpdateDesign } from '../api/mutations.ts';
import { useDesign, useProducts } from '../api/queries.ts';
import { DeleteDesignDialog } from '../components/design/delete-design-dialog.tsx';
import { DesignActions } from '../components/design/design-actions.tsx';
import { DesignArt } from '../components/design/design-art.tsx';
import { DesignHeading, DesignProvenance } from '../components/design/design-summary.tsx';
import { EditDesignDialog } from '../components/design/edit-design-dialog.tsx';
import { OwnerActions } from '../components/design/owner-actions.tsx';
import { ProductMockups } from '../components/design/product-mockups.tsx';
import { EmptyState, ErrorNote } from '../components/layout.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { toast } from '../components/ui/toast.tsx';
import { useTitle } from '../lib/use-title.ts';
import { useAuth } from '../stores/auth.ts';

export function DesignPage() {
  const { id = '' } = useParams();
  const { data: design, error, refetch } = useDesign(id);
  const products = useProducts();
  useTitle(design?.title ?? 'Design');

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
  if (error && !design) return <ErrorNote error={error} retry={() => void refetch()} />;
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

  return (
    <div className="flex flex-col gap-10">
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)]">
        <DesignArt design={design} onFinished={() => void refetch()} />
        <div className="flex flex-col gap-5">
          <DesignHeading design={design} />
          <DesignActions design={design} />
          <OwnerSection design={design} />
          <DesignProvenance design={design} />
        </div>
      </div>
      {design.status === 'ready' && (
        // Without the catalogue (offline) the page says so instead of waiting.
        <ProductMockups design={design} products={products.isError ? [] : (products.data ?? null)} />
      )}
    </div>
  );
}

/** The owner's (or an admin's) tools and their dialogs; nothing for anyone else. */
function OwnerSection({ design }: { design: Design }) {
  const user = useAuth((s) => s.user);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const update = useUpdateDesign();
  if (!(user?.id === design.userId || user?.role === 'admin')) return null;

  function togglePublic() {
    update.mutate(
      { id: design.id, body: { isPublic: !design.isPublic } },
      {
        onSuccess: (next) => toast.success(next.isPublic ? 'Published to the gallery' : 'Now private'),
        onError: (err) => toast.error(err.message),
      },
    );
  }

  return (
    <>
      <OwnerActions
        design={design}
        busy={update.isPending}
        onEdit={() => setEditing(true)}
        onTogglePublic={togglePublic}
        onDelete={() => setConfirmDelete(true)}
      />
      <EditDesignDialog design={design} open={editing} onClose={() => setEditing(false)} />
      <DeleteDesignDialog design={design} open={confirmDelete} onClose={() => setConfirmDelete(false)} />
    </>
  );
}
