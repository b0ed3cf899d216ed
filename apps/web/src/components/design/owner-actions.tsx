import type { Design } from '@btb/contracts';
import { Globe, Lock, Pencil, Trash2, Wand2 } from 'lucide-react';
import { Button, ButtonLink } from '../ui/button.tsx';
import { Card, CardContent } from '../ui/card.tsx';

/** What the owner (or an admin) can do with a design: versions, details, publishing, deleting. */
export function OwnerActions({
  design,
  busy,
  onEdit,
  onTogglePublic,
  onDelete,
}: {
  design: Design;
  busy: boolean;
  onEdit: () => void;
  onTogglePublic: () => void;
  onDelete: () => void;
}) {
  return (
    <Card className="bg-linen/60">
      <CardContent className="flex flex-col gap-3 p-4">
        <h2 className="text-sm font-semibold">Your design</h2>
        <div className="flex flex-wrap gap-2">
          <ButtonLink to={`/studio?design=${design.id}`} variant="outline" size="sm">
            <Wand2 aria-hidden className="h-3.5 w-3.5" /> Versions & prompt
          </ButtonLink>
          <Button variant="outline" size="sm" onClick={onEdit}>
            <Pencil aria-hidden className="h-3.5 w-3.5" /> Edit details
          </Button>
          <Button variant="outline" size="sm" onClick={onTogglePublic} loading={busy}>
            {design.isPublic ? (
              <Lock aria-hidden className="h-3.5 w-3.5" />
            ) : (
              <Globe aria-hidden className="h-3.5 w-3.5" />
            )}
            {design.isPublic ? 'Unpublish' : 'Publish'}
          </Button>
          <Button variant="ghost" size="sm" className="text-danger" onClick={onDelete}>
            <Trash2 aria-hidden className="h-3.5 w-3.5" /> Delete
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
