import type { Platform } from '../platform/platform.ts';
import { createIdentityModule } from './identity/index.ts';
import type { AppModule } from './module.ts';

/** Builds every module's services in dependency order; returns what each contributes to the process. */
export async function createModules(platform: Platform): Promise<AppModule[]> {
  const identity = await createIdentityModule(platform);
  return [identity.module];
}
