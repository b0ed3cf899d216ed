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
 * The access token travels as `?access_token=`; a closed stream is reopened with
 * a fresh token (refreshed first when it is about to expire). `onError` hears
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

    const open = async () => {
      if (stopped) return;
      if (tokenExpiresSoon(useAuth.getState().accessToken)) await client.refresh();
      if (stopped) return;
      source = new EventSource(streamUrl(path));
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
        attempt += 1;
        errorHandler.current?.(attempt);
        if (source?.readyState === 2) {
          source.close();
          timer = setTimeout(open, Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5)));
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
