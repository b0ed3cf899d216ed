import { useEffect, useRef } from 'react';
import { client, streamUrl } from '../api/index.ts';
import { useAuth } from '../stores/auth.ts';

function tokenExpiresSoon(token: string | null): boolean {
  if (!token) return false;
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return typeof payload.exp === 'number' && payload.exp * 1000 < Date.now() + 10_000;
  } catch {
    return false;
  }
}

/**
 * Subscribes to a server-sent event stream of JSON messages while `path` is set.
 * The server names its events (`event: progress`, `event: notification`): pass those
 * names in `events`; unnamed `message` events are delivered too.
 * A one-minute stream ticket travels as `?ticket=`; a closed stream is reopened with
 * a new ticket (the session refreshed first when it is about to expire). `onError` hears
 * every failure so callers can fall back to polling.
 */
export function useEventStream<T>(
  path: string | null,
  events: readonly string[],
  onMessage: (data: T) => void,
  onError?: (attempt: number) => void,
): void {
  const eventKey = events.join(',');
  const handler = useRef(onMessage);
  handler.current = onMessage;
  const errorHandler = useRef(onError);
  errorHandler.current = onError;

  useEffect(() => {
    if (!path || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let attempt = 0;

    const retry = () => {
      attempt += 1;
      errorHandler.current?.(attempt);
      if (!stopped) timer = setTimeout(open, Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5)));
    };

    const open = async () => {
      if (stopped) return;
      let url: string;
      try {
        if (tokenExpiresSoon(useAuth.getState().accessToken)) await client.refresh();
        url = await streamUrl(path);
      } catch {
        retry();
        return;
      }
      if (stopped) return;
      source = new EventSource(url);
      source.onopen = () => {
        attempt = 0;
      };
      const deliver = (event: Event) => {
        try {
          handler.current(JSON.parse((event as MessageEvent<string>).data) as T);
        } catch {
          // Only JSON payloads are messages.
        }
      };
      for (const name of new Set(['message', ...eventKey.split(',').filter(Boolean)])) {
        source.addEventListener(name, deliver);
      }
      source.onerror = () => {
        if (source?.readyState === 2) {
          source.close();
          retry();
        } else {
          attempt += 1;
          errorHandler.current?.(attempt);
        }
      };
    };
    void open();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, [path, eventKey]);
}
