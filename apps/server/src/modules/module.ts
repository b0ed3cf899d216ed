import type { FastifyPluginAsync } from 'fastify';
import type { MetaPage } from '../platform/http/page-meta.ts';

export const moduleNames = [
  'identity',
  'designs',
  'studio',
  'catalog',
  'orders',
  'payments',
  'notifications',
  'analytics',
  'admin',
] as const;
export type ModuleName = (typeof moduleNames)[number];

/** What a module contributes to a running process: routes for the API role, background work for the worker role. */
export interface AppModule {
  name: ModuleName;
  routes?: FastifyPluginAsync;
  /** Web app pages whose HTML this module describes for link previews (Open Graph, Twitter cards). */
  pages?: MetaPage[];
  /** Event consumers and job handlers. Called once, before the job queue and relay start. */
  startWorkers?(): Promise<void>;
  /** Releases what the module holds open (provider connections, timers), after background work has stopped. */
  stop?(): Promise<void> | void;
}
