import type { Notification, Preferences } from '@btb/contracts';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { EventEnvelope } from '../../platform/bus/events.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { onlyRow } from '../../platform/db/rows.ts';
import { notFound } from '../../platform/errors.ts';
import { timeCursor } from '../../platform/http/cursor.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { JobContext, JobQueue } from '../../platform/jobs/job-queue.ts';
import type { IdentityService } from '../identity/index.ts';
import { type NotificationCategory, type NotifyingEvent, notificationFor } from './messages.ts';
import type { Mailer } from './providers/mailer.ts';
import { type FeedSource, LiveNotifications, type Position } from './live-feed.ts';
import { notifications } from './tables.ts';

export const EMAIL_QUEUE = 'notification-email';

type NotificationRow = typeof notifications.$inferSelect;

const present = (r: NotificationRow): Notification => ({
  id: r.id,
  type: r.type,
  title: r.title,
  body: r.body,
  link: r.link,
  readAt: r.readAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

const allows = (prefs: Preferences, category: NotificationCategory) =>
  category === 'account' ||
  (prefs.emailNotifications &&
    (category === 'generation'
      ? prefs.notifyOnGeneration
      : category === 'likes'
        ? prefs.notifyOnLikes
        : prefs.notifyOnOrderUpdates));

export interface NotificationsDeps {
  db: Db;
  jobs: JobQueue;
  identity: IdentityService;
  mailer: Mailer;
  logger: Logger;
  /** For links in emails. */
  publicUrl: string | undefined;
  /** How often one query looks for notifications other processes wrote for open streams. */
  streamWatchMs?: number;
}

/**
 * In-app notifications and their emails, fed by domain events. The notification row and its
 * email job are written in the event's handling transaction (so both happen exactly once); the
 * email job checks the user's preferences when it runs.
 */
export class NotificationsService implements FeedSource {
  /** This process's live streams, fed by the notifier below and one watcher query per tick. */
  readonly live: LiveNotifications;

  constructor(private readonly deps: NotificationsDeps) {
    this.live = new LiveNotifications(this, deps.streamWatchMs ?? 1000, deps.logger);
  }

  handleEvent = async (event: EventEnvelope<NotifyingEvent>, tx: Executor): Promise<void> => {
    const draft = notificationFor(event);
    if (!draft) return;
    const row = onlyRow(
      await tx
        .insert(notifications)
        .values({ ...draft, sourceEventId: event.eventId })
        .returning({ id: notifications.id }),
      'the new notification',
    );
    await this.deps.jobs.enqueue(
      EMAIL_QUEUE,
      { notificationId: row.id },
      { maxAttempts: 5, backoffMs: 5000 },
      tx,
    );
    // After the commit (a moment later); the live feed's watcher catches anything this misses.
    setTimeout(() => void this.live.wake(draft.userId), 30).unref();
  };

  startWorkers(concurrency: number, pollMs: number) {
    this.deps.jobs.register<{ notificationId: string }>(EMAIL_QUEUE, (job) => this.sendEmail(job), {
      concurrency,
      pollMs,
      leaseMs: 60_000,
    });
  }

  async list(actor: Actor, query: { cursor?: string; limit: number; unread?: boolean }) {
    const cursor = query.cursor ? timeCursor.decode(query.cursor) : undefined;
    const rows = await this.deps.db
      .select({ n: notifications, at: sql<string>`${notifications.createdAt}::text` })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, actor.id),
          query.unread ? isNull(notifications.readAt) : undefined,
          cursor
            ? sql`(${notifications.createdAt}, ${notifications.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => present(r.n)),
      nextCursor:
        rows.length > query.limit && last ? timeCursor.encode({ at: last.at, id: last.n.id }) : null,
      unreadCount: await this.unreadCount(actor.id),
    };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return Number(row?.n ?? 0);
  }

  async markRead(actor: Actor, id: string): Promise<Notification> {
    const [row] = await this.deps.db
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id)))
      .returning();
    if (!row) throw notFound('Notification');
    return present(row);
  }

  async markAllRead(actor: Actor): Promise<{ updated: number }> {
    const rows = await this.deps.db
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return { updated: rows.length };
  }

  /** Where a live stream starts: after the newest notification the user already has. */
  async streamStart(userId: string): Promise<Position> {
    const [row] = await this.deps.db
      .select({ at: sql<string>`${notifications.createdAt}::text`, id: notifications.id })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(1);
    return row ?? { at: '-infinity', id: '00000000-0000-0000-0000-000000000000' };
  }

  /** Notifications after a position, oldest first, and the new position. */
  async since(userId: string, after: Position) {
    const rows = await this.deps.db
      .select({ n: notifications, at: sql<string>`${notifications.createdAt}::text` })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, userId),
          sql`(${notifications.createdAt}, ${notifications.id}) > (${after.at}::timestamptz, ${after.id}::uuid)`,
        ),
      )
      .orderBy(asc(notifications.createdAt), asc(notifications.id))
      .limit(100);
    const last = rows.at(-1);
    return { items: rows.map((r) => present(r.n)), position: last ? { at: last.at, id: last.n.id } : after };
  }

  async newestOf(userIds: string[]): Promise<Map<string, string>> {
    const rows = await this.deps.db
      .select({ userId: notifications.userId, at: sql<string>`max(${notifications.createdAt})::text` })
      .from(notifications)
      .where(inArray(notifications.userId, userIds))
      .groupBy(notifications.userId);
    return new Map(rows.map((r) => [r.userId, r.at]));
  }

  private async sendEmail(job: JobContext<{ notificationId: string }>): Promise<void> {
    const [row] = await this.deps.db
      .select()
      .from(notifications)
      .where(eq(notifications.id, job.payload.notificationId));
    if (!row) return;
    const user = await this.deps.identity.getUser(row.userId).catch(() => null);
    if (user?.status !== 'active') return;
    if (!allows(user.preferences, row.category as NotificationCategory)) return;
    const link = row.link ? `${(this.deps.publicUrl ?? '').replace(/\/+$/, '')}${row.link}` : null;
    await this.deps.mailer.send({
      to: user.email,
      subject: row.title,
      text: `Hello ${user.name},\n\n${row.body}${link ? `\n\n${link}` : ''}\n\nBoutique-To-Box`,
    });
  }
}
