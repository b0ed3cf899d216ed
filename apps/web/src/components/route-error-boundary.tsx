import { RotateCw } from 'lucide-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Button, ButtonLink } from './ui/button.tsx';

const reloadKey = 'btb-chunk-reload';
/** One automatic reload per tab within this window: a deploy heals, a broken one cannot loop. */
const reloadWindowMs = 60_000;

/** A lazy page's file that failed to load: an old tab after a deploy, or the server away. */
export function isChunkLoadError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS|ChunkLoadError/i.test(
    text,
  );
}

/** Reloads once when the server answers again (a new build is there); false when it must wait. */
export async function reloadOnceIfReachable(storage: Storage = sessionStorage): Promise<boolean> {
  const last = Number(storage.getItem(reloadKey) ?? 0);
  if (Date.now() - last < reloadWindowMs) return false;
  try {
    const res = await fetch('/health', { cache: 'no-store' });
    if (!res.ok) return false;
  } catch {
    return false;
  }
  storage.setItem(reloadKey, String(Date.now()));
  window.location.reload();
  return true;
}

interface State {
  error: unknown;
  reloading: boolean;
}

class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null, reloading: false };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
    if (!isChunkLoadError(error)) return;
    this.setState({ reloading: true });
    void reloadOnceIfReachable().then((reloading) => {
      if (!reloading) this.setState({ reloading: false });
    });
  }

  override render() {
    const { error, reloading } = this.state;
    if (!error) return this.props.children;
    if (reloading) return <p className="py-20 text-center text-ink-soft">Loading the latest version…</p>;
    return <PageError chunk={isChunkLoadError(error)} />;
  }
}

function PageError({ chunk }: { chunk: boolean }) {
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center gap-4 py-20 text-center">
      <h1 className="text-2xl font-semibold">
        {chunk ? 'This page could not load' : 'Something went wrong on this page'}
      </h1>
      <p className="text-ink-soft">
        {chunk
          ? 'The server could not be reached, or a new version of the app was released. Reload when you are back online.'
          : 'Reloading usually fixes it. If it does not, go back to the gallery.'}
      </p>
      <div className="flex gap-2">
        <Button onClick={() => window.location.reload()}>
          <RotateCw aria-hidden className="h-4 w-4" /> Reload
        </Button>
        <ButtonLink to="/" variant="outline" reloadDocument>
          Back to the gallery
        </ButtonLink>
      </div>
    </div>
  );
}

/** Catches what a page throws, so a failure shows a way out instead of a blank page; resets on navigation. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <ErrorBoundary key={pathname}>{children}</ErrorBoundary>;
}

/** The last line of defence above the router (the layout itself failed). */
export function AppErrorBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary>{children}</ErrorBoundary>;
}
