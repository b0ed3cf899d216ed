import type { Config } from '../../config.ts';
import { MapboxGeocoder } from '../../platform/geo/mapbox-geocoder.ts';
import type { Geocoder } from '../../platform/geo/geocoder.ts';
import { NoopGeocoder } from '../../platform/geo/noop-geocoder.ts';
import type { Platform } from '../../platform/platform.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { DesignsService } from '../designs/index.ts';
import type { AuthGuard } from '../identity/index.ts';
import type { AppModule } from '../module.ts';
import { Mockups } from './artwork/mockups.ts';
import { PrintFiles } from './artwork/print-files.ts';
import { FulfillmentService } from './fulfillment.ts';
import type { FulfillmentSchedule } from './fulfillment-jobs.ts';
import type { FulfillmentProvider } from './providers/fulfillment-provider.ts';
import { PrintfulProvider } from './providers/printful-provider.ts';
import { FulfillmentSimulator } from './providers/simulator.ts';
import { orderRoutes } from './routes.ts';
import { OrdersService } from './service.ts';
import { printfulWebhookRoutes } from './webhook-routes.ts';

export type { OrdersService } from './service.ts';
export { designMockupSvg } from './artwork/mockups.ts';

/** The one place the manufacturer is chosen from configuration. */
export function createFulfillmentProvider(
  config: Config,
  submittedAtOf: (externalId: string) => Promise<Date | null>,
): FulfillmentProvider {
  if (config.FULFILLMENT_PROVIDER === 'printful') {
    return new PrintfulProvider({ token: config.PRINTFUL_TOKEN!, baseUrl: config.PRINTFUL_BASE_URL });
  }
  return new FulfillmentSimulator({ stepMs: config.SIMULATOR_STEP_MS, submittedAtOf });
}

export function createGeocoder(config: Config): Geocoder {
  return config.MAPBOX_TOKEN
    ? new MapboxGeocoder({ accessToken: config.MAPBOX_TOKEN, baseUrl: config.MAPBOX_BASE_URL })
    : new NoopGeocoder();
}

export function createOrdersModule(
  platform: Platform,
  deps: { designs: DesignsService; catalog: CatalogService; guard: AuthGuard },
  overrides: { provider?: FulfillmentProvider; geocoder?: Geocoder } = {},
) {
  const { config } = platform;
  const schedule: FulfillmentSchedule = {
    maxAttempts: config.FULFILLMENT_MAX_ATTEMPTS,
    backoffMs: config.FULFILLMENT_RETRY_BACKOFF_MS,
    pollEveryMs:
      config.FULFILLMENT_PROVIDER === 'printful' ? config.PRINTFUL_POLL_MS : config.SIMULATOR_STEP_MS,
  };
  const poke = () => platform.relay.poke();
  // The simulator asks the orders table when an order was submitted (after a restart): late-bound.
  let service: OrdersService | undefined;
  const provider =
    overrides.provider ??
    createFulfillmentProvider(config, (externalId) => service!.submittedAtOf(externalId));
  service = new OrdersService({
    db: platform.database.db,
    designs: deps.designs,
    catalog: deps.catalog,
    geocoder: overrides.geocoder ?? createGeocoder(config),
    jobs: platform.jobs,
    provider,
    schedule,
    logger: platform.logger,
    poke,
  });
  const printFiles = new PrintFiles(platform.storage);
  const fulfillment = new FulfillmentService({
    db: platform.database.db,
    jobs: platform.jobs,
    storage: platform.storage,
    catalog: deps.catalog,
    provider,
    printFiles,
    orders: service,
    schedule,
    logger: platform.logger,
    poke,
  });
  const mockups = new Mockups(platform.storage);
  const module: AppModule = {
    name: 'orders',
    stop: () => {
      provider.close();
    },
    routes: async (app) => {
      await app.register(
        orderRoutes({
          service: service!,
          guard: deps.guard,
          designs: deps.designs,
          catalog: deps.catalog,
          storage: platform.storage,
          mockups,
          config,
        }),
      );
      await app.register(printfulWebhookRoutes(fulfillment, config));
    },
    startWorkers: async () => fulfillment.startWorkers(config.JOBS_CONCURRENCY, config.JOBS_POLL_MS),
  };
  return { service, fulfillment, provider, printFiles, mockups, module };
}
