import { LogOut, Menu, Shield, User as UserIcon, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/index.ts';
import { cn } from '../lib/cn.ts';
import { useAuth } from '../stores/auth.ts';
import { NotificationBell } from './notification-bell.tsx';
import { OfflineBanner } from './offline-banner.tsx';
import { RouteErrorBoundary } from './route-error-boundary.tsx';
import { ButtonLink } from './ui/button.tsx';
import { Toaster } from './ui/toast.tsx';

export function Logo() {
  return (
    <Link to="/" className="flex items-center gap-2 rounded-lg font-semibold tracking-tight">
      <img src="/favicon.svg" alt="" className="h-8 w-8" width={32} height={32} />
      <span className="text-[15px] leading-none">
        Boutique<span className="text-accent">·</span>To<span className="text-accent">·</span>Box
      </span>
    </Link>
  );
}

const linkClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    'rounded-full px-3 py-2 text-sm font-medium transition-colors',
    isActive ? 'bg-ink text-paper' : 'text-ink-soft hover:bg-linen hover:text-ink',
  );

export function Layout() {
  const user = useAuth((s) => s.user);
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();

  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation
  useEffect(() => {
    setMenuOpen(false);
    // Move focus to the new page so keyboard and screen-reader users start at its top.
    if (firstRender.current) firstRender.current = false;
    else {
      window.scrollTo(0, 0);
      document.getElementById('main')?.focus({ preventScroll: true });
    }
  }, [location.pathname]);

  async function signOut() {
    const { refreshToken, signOut } = useAuth.getState();
    signOut();
    if (refreshToken) api.auth.logout(refreshToken).catch(() => {});
    navigate('/');
  }

  const links = [
    { to: '/', label: 'Gallery', end: true },
    { to: '/studio', label: 'Studio' },
    { to: '/trends', label: 'Trends' },
    ...(user ? [{ to: '/orders', label: 'Orders' }] : []),
    ...(user?.role === 'admin' ? [{ to: '/admin', label: 'Admin' }] : []),
  ];

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-ink focus:px-3 focus:py-2 focus:text-paper"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-sand/70 bg-paper/85 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-7xl items-center gap-4 px-4 sm:px-6">
          <Logo />
          <nav aria-label="Main" className="ml-4 hidden items-center gap-1 md:flex">
            {links.map((l) => (
              <NavLink key={l.to} to={l.to} end={l.end} className={linkClass}>
                {l.label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-1">
            {user ? (
              <>
                <NotificationBell />
                <NavLink
                  to="/profile"
                  className="hidden h-10 items-center gap-2 rounded-full px-2 text-sm font-medium hover:bg-linen sm:flex"
                >
                  {user.avatarUrl ? (
                    <img src={user.avatarUrl} alt="" className="h-7 w-7 rounded-full object-cover" />
                  ) : (
                    <span className="flex h-7 w-7 items-center justify-center rounded-full bg-accent-soft text-xs font-semibold text-accent-dark">
                      {user.name.slice(0, 1).toUpperCase()}
                    </span>
                  )}
                  <span className="max-w-32 truncate">{user.name}</span>
                </NavLink>
                <button
                  type="button"
                  onClick={signOut}
                  className="hidden h-10 w-10 items-center justify-center rounded-full hover:bg-linen md:inline-flex"
                  aria-label="Sign out"
                  title="Sign out"
                >
                  <LogOut aria-hidden className="h-4 w-4" />
                </button>
              </>
            ) : (
              <div className="hidden items-center gap-2 sm:flex">
                <ButtonLink to="/signin" variant="ghost" size="sm">
                  Sign in
                </ButtonLink>
                <ButtonLink to="/signup" variant="primary" size="sm">
                  Create account
                </ButtonLink>
              </div>
            )}
            <button
              type="button"
              className="inline-flex h-10 w-10 items-center justify-center rounded-full hover:bg-linen md:hidden"
              aria-expanded={menuOpen}
              aria-controls="mobile-menu"
              aria-label={menuOpen ? 'Close menu' : 'Open menu'}
              onClick={() => setMenuOpen((o) => !o)}
            >
              {menuOpen ? <X aria-hidden className="h-5 w-5" /> : <Menu aria-hidden className="h-5 w-5" />}
            </button>
          </div>
        </div>
        {menuOpen && (
          <nav
            id="mobile-menu"
            aria-label="Mobile"
            className="border-t border-sand/70 bg-paper px-4 pb-4 md:hidden"
          >
            <ul className="flex flex-col gap-1 pt-3">
              {links.map((l) => (
                <li key={l.to}>
                  <NavLink
                    to={l.to}
                    end={l.end}
                    className={({ isActive }) => cn(linkClass({ isActive }), 'block')}
                  >
                    {l.label}
                  </NavLink>
                </li>
              ))}
              {user ? (
                <>
                  <li>
                    <NavLink
                      to="/profile"
                      className={({ isActive }) => cn(linkClass({ isActive }), 'flex gap-2')}
                    >
                      <UserIcon aria-hidden className="h-4 w-4" /> Profile
                    </NavLink>
                  </li>
                  <li>
                    <button
                      type="button"
                      onClick={signOut}
                      className="flex w-full gap-2 rounded-full px-3 py-2 text-left text-sm font-medium text-ink-soft hover:bg-linen"
                    >
                      <LogOut aria-hidden className="h-4 w-4" /> Sign out
                    </button>
                  </li>
                </>
              ) : (
                <li className="mt-2 flex gap-2">
                  <ButtonLink to="/signin" variant="outline" className="flex-1">
                    Sign in
                  </ButtonLink>
                  <ButtonLink to="/signup" className="flex-1">
                    Create account
                  </ButtonLink>
                </li>
              )}
            </ul>
          </nav>
        )}
      </header>
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
