import type { Platform } from '../platform/platform.ts';
import { createDesignsModule } from './designs/index.ts';
import { createIdentityModule } from './identity/index.ts';
import type { AppModule } from './module.ts';

/** Builds every module's services in dependency order; returns what each contributes to the process. */
export async function createModules(platform: Platform): Promise<AppModule[]> {
  const identity = await createIdentityModule(platform);
  const designs = createDesignsModule(platform, { identity: identity.service, guard: identity.guard });
  return [identity.module, designs.module];
}
