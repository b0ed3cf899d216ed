import type { Role, Tier } from '@btb/contracts';
import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../errors.ts';

/** Who is acting: passed explicitly to every service method that needs it. */
export interface Actor {
  id: string;
  role: Role;
  tier: Tier;
}

export const isAdmin = (actor: Actor | null | undefined) => actor?.role === 'admin';

/** The caller on a route whose guard admits signed-in callers only. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Accept `?ticket=` (and the deprecated `?access_token=`): EventSource cannot send headers. */
    allowQueryToken?: boolean;
  }
}
