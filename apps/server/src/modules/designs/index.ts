import { publicBaseUrl } from '../../config.ts';
import type { Platform } from '../../platform/platform.ts';
import type { AuthGuard, IdentityService } from '../identity/index.ts';
import type { AppModule } from '../module.ts';
import { designAdminRoutes } from './admin-routes.ts';
import { designPageMeta } from './page-meta.ts';
import { designRoutes } from './routes.ts';
import { DesignsService } from './service.ts';

export type { SeedSample } from './seeding.ts';
export type { DesignsService, GenerationOutcome, GenerationScheduler } from './service.ts';

export function createDesignsModule(
  platform: Platform,
  deps: { identity: IdentityService; guard: AuthGuard },
) {
  const service = new DesignsService(
    platform.database.db,
    platform.cache,
    platform.storage,
    deps.identity,
    () => platform.relay.poke(),
    platform.database,
  );
  const module: AppModule = {
    name: 'designs',
    routes: async (app) => {
      await app.register(designRoutes(service, deps.guard, deps.identity, platform.config));
      await app.register(designAdminRoutes(service, deps.guard));
    },
    pages: [
      {
        path: '/designs/:id',
        meta: (params) => designPageMeta(service, params.id ?? '', publicBaseUrl(platform.config)),
      },
    ],
  };
  return { service, module };
}
