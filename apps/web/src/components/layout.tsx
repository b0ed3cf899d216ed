import { Shield } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../stores/auth.ts';
import { OfflineBanner } from './offline-banner.tsx';
import { RouteErrorBoundary } from './route-error-boundary.tsx';
import { SiteHeader } from './site-header.tsx';
import { Toaster } from './ui/toast.tsx';

export function Layout() {
  const user = useAuth((s) => s.user);
  const location = useLocation();
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation
  useEffect(() => {
    // Move focus to the new page so keyboard and screen-reader users start at its top.
    if (firstRender.current) firstRender.current = false;
    else {
      window.scrollTo(0, 0);
      document.getElementById('main')?.focus({ preventScroll: true });
    }
  }, [location.pathname]);

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-ink focus:px-3 focus:py-2 focus:text-paper"
      >
        Skip to content
      </a>
      <SiteHeader />
      <OfflineBanner />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto outline-none w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 sm:py-10"
      >
        <RouteErrorBoundary>
          <Outlet />
        </RouteErrorBoundary>
      </main>
      <footer className="border-t border-sand/70">
        <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-6 text-xs text-ink-soft sm:flex-row sm:items-center sm:justify-between sm:px-6">
          <span>Boutique-To-Box — from a sentence to a box at your door.</span>
          <span className="flex items-center gap-3">
            {user?.role === 'admin' && (
              <Link to="/admin" className="inline-flex items-center gap-1 hover:text-ink">
                <Shield aria-hidden className="h-3 w-3" /> Operations
              </Link>
            )}
            <a href="/docs" className="hover:text-ink">
              API docs
            </a>
          </span>
        </div>
      </footer>
      <Toaster />
    </div>
  );
}

export function RequireAuth({
  children,
  requiredRole,
}: {
  children: React.ReactNode;
  requiredRole?: 'admin';
}) {
  const user = useAuth((s) => s.user);
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    if (!user) navigate('/signin', { replace: true, state: { from: location.pathname + location.search } });
  }, [user, navigate, location]);
  if (!user) return null;
  if (requiredRole && user.role !== requiredRole) {
    return (
      <div className="mx-auto max-w-md py-16 text-center">
        <h1 className="text-2xl font-semibold">Operators only</h1>
        <p className="mt-2 text-ink-soft">This page needs the admin role.</p>
      </div>
    );
  }
  return <>{children}</>;
}

export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: string;
  subtitle?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-col gap-3 sm:mb-8 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-2xl font-semibold sm:text-3xl">{title}</h1>
        {subtitle && <p className="mt-1 text-sm text-ink-soft sm:text-base">{subtitle}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

export function EmptyState({
  icon,
  title,
  children,
  page = false,
}: {
  icon?: React.ReactNode;
  title: string;
  children?: React.ReactNode;
  /** The whole page is this state (not found…): its title is the page's h1. */
  page?: boolean;
}) {
  const Heading = page ? 'h1' : 'h2';
  return (
    <div className="flex flex-col items-center gap-3 rounded-2xl border border-dashed border-sand px-6 py-14 text-center">
      {icon && <div className="text-ink-soft">{icon}</div>}
      <Heading className="text-lg font-semibold">{title}</Heading>
      {children && <div className="max-w-md text-sm text-ink-soft">{children}</div>}
    </div>
  );
}

export function ErrorNote({ error, retry }: { error: unknown; retry?: () => void }) {
  if (!error) return null;
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-3 rounded-xl border border-red-200 dark:border-red-900/60 bg-red-50 dark:bg-red-950/40 px-4 py-3 text-sm text-danger"
    >
      <span>{(error as Error).message ?? String(error)}</span>
      {retry && (
        <button type="button" onClick={retry} className="font-medium underline">
          Try again
        </button>
      )}
    </div>
  );
}
