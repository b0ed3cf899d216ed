import type { Design } from '@btb/contracts';
import { Check, Link2, ShoppingBag } from 'lucide-react';
import { useState } from 'react';
import { LikeButton } from '../like-button.tsx';
import { Button, ButtonLink } from '../ui/button.tsx';
import { toast } from '../ui/toast.tsx';

/** What anyone can do with a design: order it, like it, share its link. */
export function DesignActions({ design }: { design: Design }) {
  const [copied, setCopied] = useState(false);

  async function share() {
    const url = `${location.origin}/designs/${design.id}`;
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
  );
}
