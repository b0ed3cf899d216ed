import { parseArgs } from 'node:util';
import { buildApp, type Role } from './app.ts';
import { ConfigError, checkRole, loadConfig } from './config.ts';
import { type ModuleName, moduleNames } from './modules/module.ts';
import { createLogger, createPlatform } from './platform/platform.ts';

function parseCli() {
  const { values } = parseArgs({
    options: { role: { type: 'string', default: 'all' }, modules: { type: 'string' } },
    allowPositionals: false,
  });
  const role = values.role as Role;
  if (!['all', 'api', 'worker'].includes(role))
    throw new Error(`--role must be all, api or worker (got "${values.role}")`);
  const modules = values.modules?.split(',').map((m) => m.trim()) as ModuleName[] | undefined;
  const unknown = modules?.filter((m) => !moduleNames.includes(m));
  if (unknown?.length)
    throw new Error(`--modules: unknown module(s) ${unknown.join(', ')}; known: ${moduleNames.join(', ')}`);
  return { role, modules };
}

async function main() {
  let config: ReturnType<typeof loadConfig>;
  let cli: ReturnType<typeof parseCli>;
  try {
    config = loadConfig();
    cli = parseCli();
    checkRole(config, cli.role);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `Cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  const logger = createLogger(config, cli.role);
  for (const notice of config.notices) logger.warn(notice);
  const platform = await createPlatform(config, { logger, role: cli.role });
  const app = await buildApp({ platform, role: cli.role, modules: cli.modules });

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining requests, stopping workers, flushing the outbox');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    try {
      await app.close();
      await platform.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const url = `http://${shownHost}:${(app.server.address() as { port: number }).port}`;
  logger.info(
    {
      url,
      role: cli.role,
      database: platform.database.kind,
      cache: platform.cache.kind,
      bus: platform.bus.kind,
      storage: platform.storage.kind,
    },
    'Boutique-To-Box is running',
  );
  if (process.stdout.isTTY || config.NODE_ENV !== 'production')
    console.log(`\n  Boutique-To-Box is running at ${url}\n`);
}

main().catch((error) => {
  console.error('Start-up failed:', error);
  process.exit(1);
});
