import type { Notification } from '@btb/contracts';
import type { Logger } from 'pino';

export interface Position {
  at: string;
  id: string;
}

export interface FeedSource {
  /** Where a feed starts: after the newest notification the user already has. */
  streamStart(userId: string): Promise<Position>;
  since(userId: string, after: Position): Promise<{ items: Notification[]; position: Position }>;
  /** The newest notification's position text (`created_at`) per user, for users that have any. */
  newestOf(userIds: string[]): Promise<Map<string, string>>;
}

interface Feed {
  position: Position;
  listeners: Set<(item: Notification) => void>;
  reading: boolean;
  again: boolean;
}

/**
 * Live notifications for every open stream of this process, one feed per user however many
 * streams that user holds. A feed reads the table only when woken: at once by the notifier in this
 * process, or by one watcher query per tick for all users (notifications written by another
 * process), never by a poll per stream.
 */
export class LiveNotifications {
  private readonly feeds = new Map<string, Promise<Feed>>();
  private watcher: NodeJS.Timeout | undefined;
  private watching = false;

  constructor(
    private readonly source: FeedSource,
    private readonly watchMs: number,
    private readonly logger: Logger,
  ) {}

  async subscribe(userId: string, listener: (item: Notification) => void): Promise<() => void> {
    let pending = this.feeds.get(userId);
    if (!pending) {
      pending = this.source.streamStart(userId).then((position) => ({
        position,
        listeners: new Set<(item: Notification) => void>(),
        reading: false,
        again: false,
      }));
      this.feeds.set(userId, pending);
      pending.catch(() => this.feeds.delete(userId));
    }
    const feed = await pending;
    feed.listeners.add(listener);
    this.startWatching();
    return () => {
      feed.listeners.delete(listener);
      if (feed.listeners.size === 0 && this.feeds.get(userId) === pending) this.feeds.delete(userId);
      if (this.feeds.size === 0) this.stopWatching();
    };
  }

  /** Reads what is new for a user's streams, once, however often it is woken meanwhile. */
  async wake(userId: string): Promise<void> {
    const feed = await this.feeds.get(userId)?.catch(() => undefined);
    if (!feed) return;
    if (feed.reading) {
      feed.again = true;
      return;
    }
    feed.reading = true;
    try {
      do {
        feed.again = false;
        const next = await this.source.since(userId, feed.position);
        feed.position = next.position;
        for (const item of next.items) for (const listener of feed.listeners) listener(item);
      } while (feed.again);
    } catch (error) {
      this.logger.warn({ err: error }, 'live notifications read failed');
    } finally {
      feed.reading = false;
    }
  }

  private startWatching() {
    if (this.watcher) return;
    this.watcher = setInterval(() => void this.watch(), this.watchMs);
    this.watcher.unref();
  }

  private stopWatching() {
    clearInterval(this.watcher);
    this.watcher = undefined;
  }

  private async watch() {
    if (this.watching || this.feeds.size === 0) return;
    this.watching = true;
    try {
      const newest = await this.source.newestOf([...this.feeds.keys()]);
      for (const [userId, at] of newest) {
        const feed = await this.feeds.get(userId)?.catch(() => undefined);
        if (feed && feed.position.at !== at) void this.wake(userId);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'live notifications watch failed');
    } finally {
      this.watching = false;
    }
  }

  close() {
    this.stopWatching();
    this.feeds.clear();
  }
}
