import type { Platform } from '../platform/platform.ts';
import type { AppModule } from './module.ts';

/** Builds every module's services in dependency order; returns what each contributes to the process. */
export function createModules(_platform: Platform): AppModule[] {
  return [];
}
