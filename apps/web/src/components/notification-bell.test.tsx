import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithClient, signInAs } from '../test/helpers.tsx';
import { NotificationBell } from './notification-bell.tsx';

class FakeEventSource extends EventTarget {
  static instances: FakeEventSource[] = [];
  readyState = 1;
  onopen: ((e: Event) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  constructor(public url: string) {
    super();
    FakeEventSource.instances.push(this);
  }
  close() {
    this.readyState = 2;
  }
}

const n = (id: string, title: string, readAt: string | null = null) => ({
  id: `00000000-0000-4000-8000-${id.padStart(12, '0')}`,
  type: 'order_status_changed',
  title,
  body: 'body',
  link: null,
  readAt,
  createdAt: new Date().toISOString(),
});

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  signInAs(undefined, 'tok-9');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('notification bell', () => {
  it('shows the unread count, adds live notifications from the stream and marks one read', async () => {
    const fetch = vi.fn(async (url: string) =>
      url === '/api/auth/stream-ticket'
        ? json(200, { ticket: 'ticket-9', expiresIn: 60 })
        : url === '/api/notifications'
          ? json(200, {
              items: [n('1', 'Your design is ready'), n('2', 'Old news', '2026-01-01T00:00:00Z')],
              nextCursor: null,
            })
          : json(200, {}),
    );
    vi.stubGlobal('fetch', fetch);
    renderWithClient(<NotificationBell />);
    await waitFor(() => expect(screen.getByTestId('unread-badge').textContent).toBe('1'));
    await waitFor(() => expect(FakeEventSource.instances.length).toBe(1));
    expect(FakeEventSource.instances[0].url).toBe('/api/notifications/stream?ticket=ticket-9');

    act(() => {
      FakeEventSource.instances[0].dispatchEvent(
        new MessageEvent('notification', { data: JSON.stringify(n('3', 'Your order has shipped')) }),
      );
    });
    await waitFor(() => expect(screen.getByTestId('unread-badge').textContent).toBe('2'));

    const bell = screen.getByRole('button', { name: 'Notifications, 2 unread' });
    fireEvent.click(bell);
    fireEvent.click(screen.getByText('Your order has shipped'));
    await waitFor(() => expect(screen.getByTestId('unread-badge').textContent).toBe('1'));
    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        '/api/notifications/00000000-0000-4000-8000-000000000003/read',
        expect.objectContaining({ method: 'POST' }),
      ),
    );

    // Escape closes the panel and puts focus back on the bell.
    if (!screen.queryByTestId('notifications-panel')) fireEvent.click(bell);
    screen.getByTestId('notifications-panel').querySelector('button')?.focus();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByTestId('notifications-panel')).toBeNull();
    expect(document.activeElement).toBe(bell);
  });
});
