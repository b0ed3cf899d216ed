import { LogOut, Menu, User as UserIcon, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { api } from '../api/index.ts';
import { cn } from '../lib/cn.ts';
import { useAuth } from '../stores/auth.ts';
import { NotificationBell } from './notification-bell.tsx';
import { ButtonLink } from './ui/button.tsx';

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

/** The sticky header: logo, the main links, the account's bell and menu, and the phone's menu. */
export function SiteHeader() {
  const user = useAuth((s) => s.user);
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closes the menu on every navigation
  useEffect(() => {
    setMenuOpen(false);
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
  );
}
