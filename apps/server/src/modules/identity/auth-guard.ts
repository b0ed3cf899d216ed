import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../../platform/errors.ts';
import type { Action, Resource } from './rbac.ts';
import { hasPermission } from './rbac.ts';
import type { AccessTokens } from './tokens.ts';

function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token)
      throw unauthenticated('Use an Authorization: Bearer <token> header');
    return token;
  }
  if (request.routeOptions.config.allowQueryToken) {
    const token = (request.query as Record<string, unknown> | undefined)?.access_token;
    if (typeof token === 'string' && token) return token;
  }
  return undefined;
}

/** Route guards: who is calling (authenticate / optional) and whether their role allows the action (RBAC). */
export class AuthGuard {
  constructor(private readonly tokens: AccessTokens) {}

  /** Requires a valid access token; sets request.actor. */
  authenticate = async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = tokenOf(request);
    if (!token) throw unauthenticated();
    const claims = await this.tokens.verify(token);
    request.actor = { id: claims.sub, role: claims.role, tier: claims.tier };
  };

  /** Sets request.actor when a valid token is present; anonymous otherwise (a bad token is still a 401). */
  optional = async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = tokenOf(request);
    if (!token) return;
    const claims = await this.tokens.verify(token);
    request.actor = { id: claims.sub, role: claims.role, tier: claims.tier };
  };

  /** Authenticates, then checks the role's permission for (resource, action). */
  require(resource: Resource, action: Action) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      await this.authenticate(request, reply);
      if (!hasPermission(request.actor!.role, resource, action)) throw forbidden();
    };
  }
}
