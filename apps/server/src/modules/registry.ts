import type { Platform } from '../platform/platform.ts';
import { createAdminModule } from './admin/index.ts';
import { createAnalyticsModule } from './analytics/index.ts';
import { createCatalogModule } from './catalog/index.ts';
import { createDesignsModule } from './designs/index.ts';
import { createIdentityModule } from './identity/index.ts';
import type { AppModule } from './module.ts';
import { createNotificationsModule } from './notifications/index.ts';
import { createOrdersModule } from './orders/index.ts';
import { createPaymentsModule } from './payments/index.ts';
import { createStudioModule } from './studio/index.ts';

/** Builds every module's services in dependency order; returns what each contributes to the process. */
export async function createModules(platform: Platform): Promise<AppModule[]> {
  const identity = await createIdentityModule(platform);
  const catalog = createCatalogModule(platform);
  const designs = createDesignsModule(platform, { identity: identity.service, guard: identity.guard });
  const studio = await createStudioModule(platform, { designs: designs.service, catalog: catalog.service });
  const analytics = createAnalyticsModule(platform);
  const { guard } = identity;
  const orders = createOrdersModule(platform, { designs: designs.service, catalog: catalog.service, guard });
  const payments = createPaymentsModule(platform, { orders: orders.service, guard });
  const notifications = await createNotificationsModule(platform, { identity: identity.service, guard });
  const admin = createAdminModule(platform, {
    designs: designs.service,
    identity: identity.service,
    orders: orders.service,
    studio: studio.service,
    guard,
  });
  return [
    identity.module,
    catalog.module,
    designs.module,
    studio.module,
    analytics.module,
    orders.module,
    payments.module,
    notifications.module,
    admin.module,
  ];
}
