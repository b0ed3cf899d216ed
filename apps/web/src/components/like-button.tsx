import { Heart } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/index.ts';
import { cn } from '../lib/cn.ts';
import { useAuth } from '../stores/auth.ts';
import { toast } from './ui/toast.tsx';

/** Likes update optimistically and roll back when the server says no. */
export function LikeButton({
  designId,
  likes: initialLikes,
  liked: initialLiked,
  size = 'sm',
  onChange,
}: {
  designId: string;
  likes: number;
  liked: boolean;
  size?: 'sm' | 'lg';
  onChange?: (state: { liked: boolean; likes: number }) => void;
}) {
  const [state, setState] = useState({ liked: initialLiked, likes: initialLikes });
  const [pending, setPending] = useState(false);
  const signedIn = useAuth((s) => Boolean(s.accessToken));
  const navigate = useNavigate();

  async function toggle() {
    if (!signedIn) {
      navigate('/signin', { state: { from: `/designs/${designId}` } });
      return;
    }
    if (pending) return;
    const previous = state;
    const next = { liked: !previous.liked, likes: Math.max(0, previous.likes + (previous.liked ? -1 : 1)) };
    setState(next);
    setPending(true);
    try {
      const res = next.liked ? await api.designs.like(designId) : await api.designs.unlike(designId);
      setState(res);
      onChange?.(res);
    } catch (err) {
      setState(previous);
      toast.error(`Could not ${next.liked ? 'like' : 'unlike'} this design: ${(err as Error).message}`);
    } finally {
      setPending(false);
    }
  }

  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={state.liked}
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full border font-medium tabular-nums transition-colors',
        size === 'sm' ? 'h-8 px-2.5 text-xs' : 'h-10 px-4 text-sm',
        state.liked
          ? 'border-accent/30 bg-accent-soft text-accent-dark'
          : 'border-sand bg-white/80 dark:bg-white/5 text-ink hover:bg-linen',
      )}
    >
      <Heart
        aria-hidden
        className={cn(size === 'sm' ? 'h-3.5 w-3.5' : 'h-4 w-4', state.liked && 'fill-current')}
      />
      {/* One name whether pressed or not ("Like, 3 likes"), holding the visible count as voice control expects. */}
      <span className="sr-only">Like, </span>
      <span data-testid="like-count">{state.likes}</span>
      <span className="sr-only"> {state.likes === 1 ? 'like' : 'likes'}</span>
    </button>
  );
}
