import type { Platform } from '../../platform/platform.ts';
import type { AppModule } from '../module.ts';
import { AuthGuard } from './auth-guard.ts';
import { identityAdminRoutes } from './admin-routes.ts';
import { identityRoutes } from './routes.ts';
import { resolveJwtSecret } from './secrets.ts';
import { IdentityService } from './service.ts';
import { SignInGuard } from './sign-in-guard.ts';
import { AccessTokens } from './tokens.ts';

export type { AuthGuard } from './auth-guard.ts';
export type { IdentityService } from './service.ts';
export { hasPermission } from './rbac.ts';

export async function createIdentityModule(platform: Platform) {
  const tokens = new AccessTokens(
    await resolveJwtSecret(platform.config),
    platform.config.ACCESS_TOKEN_TTL_S,
  );
  const { config } = platform;
  const signIns = new SignInGuard({
    maxFailures: config.RATE_LIMIT_AUTH_MAX,
    windowMs: config.RATE_LIMIT_AUTH_WINDOW_S * 1000,
    prefix: config.REDIS_KEY_PREFIX,
    redis: platform.redis,
  });
  const service = new IdentityService(platform.database.db, tokens, config, platform.cache, signIns);
  const guard = new AuthGuard(tokens, (userId) => service.currentTokenVersion(userId));
  const module: AppModule = {
    name: 'identity',
    routes: async (app) => {
      await app.register(identityRoutes(service, guard, platform.config));
      await app.register(identityAdminRoutes(service, guard));
    },
  };
  return { service, guard, tokens, module };
}
