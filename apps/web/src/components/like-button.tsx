import { Heart } from 'lucide-react';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { likesAfter, useLikeDesign } from '../api/mutations.ts';
import { cn } from '../lib/cn.ts';
import { useAuth } from '../stores/auth.ts';
import { toast } from './ui/toast.tsx';

/**
 * Likes show at once, in this button and in every cached copy of the design, and roll back when
 * the server says no. `likes` and `liked` are the design as last read.
 */
export function LikeButton({
  designId,
  likes,
  liked,
  size = 'sm',
}: {
  designId: string;
  likes: number;
  liked: boolean;
  size?: 'sm' | 'lg';
}) {
  const like = useLikeDesign();
  const signedIn = useAuth((s) => Boolean(s.accessToken));
  const navigate = useNavigate();
  const { isSuccess, reset } = like;

  // Once the design as read carries the answer, it speaks for itself again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the design as read changes
  useEffect(() => {
    if (isSuccess) reset();
  }, [likes, liked]);

  const asked = like.isPending ? like.variables : undefined;
  const state = asked
    ? { liked: asked.liked, likes: liked === asked.liked ? likes : likesAfter(likes, asked.liked) }
    : like.isSuccess
      ? like.data
      : { liked, likes };

  function toggle() {
    if (!signedIn) {
      navigate('/signin', { state: { from: `/designs/${designId}` } });
      return;
    }
    if (like.isPending) return;
    const want = !state.liked;
    like.mutate(
      { designId, liked: want },
      {
        onError: (err) => toast.error(`Could not ${want ? 'like' : 'unlike'} this design: ${err.message}`),
      },
    );
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
