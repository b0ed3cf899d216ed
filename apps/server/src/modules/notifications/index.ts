import type { Config } from '../../config.ts';
import type { Platform } from '../../platform/platform.ts';
import type { AuthGuard, IdentityService } from '../identity/index.ts';
import type { AppModule } from '../module.ts';
import { notifyingEvents } from './messages.ts';
import { LogMailer } from './providers/log-mailer.ts';
import type { Mailer } from './providers/mailer.ts';
import { notificationRoutes } from './routes.ts';
import { NotificationsService } from './service.ts';

export type { NotificationsService } from './service.ts';
export type { Mailer } from './providers/mailer.ts';

/**
 * The one place the mailer is chosen: SMTP when configured (its client is loaded only then), the
 * outbox file under DATA_DIR otherwise.
 */
export async function createMailer(config: Config, logger: Platform['logger']): Promise<Mailer> {
  if (!config.SMTP_URL) return new LogMailer({ dataDir: config.DATA_DIR, from: config.MAIL_FROM, logger });
  const { SmtpMailer } = await import('./providers/smtp-mailer.ts');
  return new SmtpMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
}

export async function createNotificationsModule(
  platform: Platform,
  deps: { identity: IdentityService; guard: AuthGuard },
  overrides: { mailer?: Mailer; streamWatchMs?: number } = {},
) {
  const mailer = overrides.mailer ?? (await createMailer(platform.config, platform.logger));
  const service = new NotificationsService({
    db: platform.database.db,
    jobs: platform.jobs,
    identity: deps.identity,
    mailer,
    logger: platform.logger,
    publicUrl: platform.config.PUBLIC_URL,
    streamWatchMs: overrides.streamWatchMs,
  });
  const module: AppModule = {
    name: 'notifications',
    stop: () => {
      service.live.close();
      return mailer.close?.();
    },
    routes: notificationRoutes(service, deps.guard),
    startWorkers: async () => {
      service.startWorkers(platform.config.JOBS_CONCURRENCY, platform.config.JOBS_POLL_MS);
      await platform.subscribe('notifications', notifyingEvents, service.handleEvent);
    },
  };
  return { service, module };
}
