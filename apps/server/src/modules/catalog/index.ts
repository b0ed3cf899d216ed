import { errorResponseSchema, pageOf, productSchema } from '@btb/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import type { AppModule } from '../module.ts';
import { CatalogService } from './service.ts';
import { documentRoutes } from '../../platform/http/openapi.ts';

export type { CatalogService } from './service.ts';

export function createCatalogModule(platform: Platform) {
  const service = new CatalogService(platform.database.db, platform.cache);
  const routes: FastifyPluginAsyncZod = async (app) => {
    documentRoutes(app, 'catalog');
    app.get(
      '/api/catalog/products',
      {
        schema: {
          summary: 'Products with variants, print areas (px, dpi) and prices (integer cents)',
          response: { 200: pageOf(productSchema), 500: errorResponseSchema },
        },
      },
      async () => ({ items: await service.listProducts(), nextCursor: null }),
    );
  };
  const module: AppModule = { name: 'catalog', routes };
  return { service, module };
}
