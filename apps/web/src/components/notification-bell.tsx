import { Bell, CheckCheck } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { cn } from '../lib/cn.ts';
import { timeAgo } from '../lib/format.ts';
import { useAuth } from '../stores/auth.ts';
import { useNotifications } from './use-notifications.ts';

export function NotificationBell() {
  const userId = useAuth((s) => s.user?.id);
  const { items, loading, markRead, markAll } = useNotifications(userId);
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const bell = useRef<HTMLButtonElement>(null);
  const navigate = useNavigate();

  useEffect(() => {
    if (!open) return;
    const onDoc = (e: MouseEvent) => {
      if (wrapper.current && !wrapper.current.contains(e.target as Node)) setOpen(false);
    };
    // Escape closes the panel and gives focus back to the bell that opened it.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      bell.current?.focus();
    };
    document.addEventListener('mousedown', onDoc);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDoc);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const unread = items.filter((n) => !n.readAt).length;

  if (!userId) return null;
  return (
    <div ref={wrapper} className="relative">
      {/* The name is built from the visible count, so what a voice user reads out is what they say. */}
      <button
        ref={bell}
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-haspopup="true"
        className="relative inline-flex h-10 w-10 items-center justify-center rounded-full hover:bg-linen"
      >
        <Bell aria-hidden className="h-5 w-5" />
        <span className="sr-only">Notifications{unread > 0 ? ', ' : ''}</span>
        {unread > 0 && (
          <span
            data-testid="unread-badge"
            className="absolute top-1 right-1 flex h-4 min-w-4 items-center justify-center rounded-full bg-accent-dark px-1 text-[10px] font-semibold text-white dark:text-paper"
          >
            {unread > 9 ? '9+' : unread}
          </span>
        )}
        {unread > 0 && <span className="sr-only"> unread</span>}
      </button>
      <span className="sr-only" aria-live="polite">
        {unread ? `${unread} unread notifications` : ''}
      </span>
      {open && (
        // On a phone the panel spans the screen under the header; from sm it hangs from the bell.
        <div
          data-testid="notifications-panel"
          className="fixed inset-x-3 top-[4.5rem] z-40 overflow-hidden rounded-2xl border border-sand bg-paper shadow-xl sm:absolute sm:inset-x-auto sm:top-auto sm:right-0 sm:mt-2 sm:w-[22rem]"
        >
          <div className="flex items-center justify-between border-b border-sand px-4 py-3">
            <h2 className="text-sm font-semibold">Notifications</h2>
            {unread > 0 && (
              <button
                type="button"
                onClick={markAll}
                className="inline-flex items-center gap-1 rounded text-xs font-medium text-accent hover:underline"
              >
                <CheckCheck aria-hidden className="h-3.5 w-3.5" /> Mark all read
              </button>
            )}
          </div>
          <ul className="max-h-96 overflow-y-auto">
            {loading && <li className="px-4 py-6 text-center text-sm text-ink-soft">Loading…</li>}
            {!loading && items.length === 0 && (
              <li className="px-4 py-8 text-center text-sm text-ink-soft">
                Nothing yet. We'll let you know when your designs are ready and your orders move.
              </li>
            )}
            {items.map((n) => (
              <li key={n.id} className="border-b border-sand/60 last:border-0">
                <button
                  type="button"
                  onClick={() => {
                    void markRead(n);
                    if (n.link) {
                      setOpen(false);
                      navigate(n.link);
                    }
                  }}
                  className={cn(
                    'flex w-full gap-3 px-4 py-3 text-left hover:bg-linen',
                    !n.readAt && 'bg-accent-soft/40',
                  )}
                >
                  <span
                    aria-hidden
                    className={cn(
                      'mt-1.5 h-2 w-2 shrink-0 rounded-full',
                      n.readAt ? 'bg-transparent' : 'bg-accent',
                    )}
                  />
                  <span className="flex min-w-0 flex-col">
                    <span className="text-sm font-medium">{n.title}</span>
                    <span className="text-xs text-ink-soft">{n.body}</span>
                    <span className="mt-0.5 text-[11px] text-ink-soft">
                      {timeAgo(n.createdAt)}
                      {!n.readAt && <span className="sr-only"> · unread</span>}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
