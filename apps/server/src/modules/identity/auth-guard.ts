import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { signedInOnly } from '../../platform/http/openapi.ts';
import type { Action, Resource } from './rbac.ts';
import { hasPermission } from './rbac.ts';
import type { AccessClaims, AccessTokens } from './tokens.ts';

/** The token version an account's access tokens must carry now, or null when it cannot sign in. */
export type CurrentTokenVersion = (userId: string) => Promise<number | null>;

type Credential = { kind: 'access' | 'ticket'; token: string };

function credentialOf(request: FastifyRequest): Credential | undefined {
  const header = request.headers.authorization;
  if (header) {
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token)
      throw unauthenticated('Use an Authorization: Bearer <token> header');
    return { kind: 'access', token };
  }
  if (request.routeOptions.config.allowQueryToken) {
    const query = request.query as Record<string, unknown> | undefined;
    if (typeof query?.ticket === 'string' && query.ticket) return { kind: 'ticket', token: query.ticket };
    // Deprecated: an access token in the URL (redacted from logs); kept for clients not yet on tickets.
    if (typeof query?.access_token === 'string' && query.access_token)
      return { kind: 'access', token: query.access_token };
  }
  return undefined;
}

/** Route guards: who is calling (authenticate / optional) and whether their role allows the action (RBAC). */
export class AuthGuard {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly currentVersion: CurrentTokenVersion,
  ) {}

  /** A signed, unexpired token is not enough: its version must still be the account's. */
  private async verify({ kind, token }: Credential): Promise<AccessClaims> {
    const claims =
      kind === 'ticket' ? await this.tokens.verifyStreamTicket(token) : await this.tokens.verify(token);
    if ((await this.currentVersion(claims.sub)) !== claims.ver)
      throw unauthenticated('This session has ended; sign in again');
    return claims;
  }

  /** Requires a valid access token; sets request.actor. */
  authenticate = signedInOnly(async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = credentialOf(request);
    if (!token) throw unauthenticated();
    const claims = await this.verify(token);
    request.actor = { id: claims.sub, role: claims.role, tier: claims.tier };
  });

  /** Sets request.actor when a valid token is present; anonymous otherwise (a bad token is still a 401). */
  optional = async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = credentialOf(request);
    if (!token) return;
    const claims = await this.verify(token);
    request.actor = { id: claims.sub, role: claims.role, tier: claims.tier };
  };

  /** Authenticates, then checks the role's permission for (resource, action). */
  require(resource: Resource, action: Action) {
    return signedInOnly(async (request: FastifyRequest, reply: FastifyReply) => {
      await this.authenticate(request, reply);
      if (!hasPermission(actorOf(request).role, resource, action)) throw forbidden();
    });
  }
}
