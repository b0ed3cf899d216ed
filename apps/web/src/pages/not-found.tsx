import { ButtonLink } from '../components/ui/button.tsx';
import { useTitle } from '../lib/use-title.ts';

export function NotFoundPage() {
  useTitle('Page not found');
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-20 text-center">
      <p className="text-7xl font-semibold text-accent">404</p>
      <h1 className="text-2xl font-semibold">This page slipped off the rack</h1>
      <p className="text-ink-soft">The link may be old, or the design was removed.</p>
      <ButtonLink to="/">Back to the gallery</ButtonLink>
    </div>
  );
}
