import type { Role, Tier } from '@btb/contracts';

/** Who is acting: passed explicitly to every service method that needs it. */
export interface Actor {
  id: string;
  role: Role;
  tier: Tier;
}

export const isAdmin = (actor: Actor | null | undefined) => actor?.role === 'admin';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Accept `?ticket=` (and the deprecated `?access_token=`): EventSource cannot send headers. */
    allowQueryToken?: boolean;
  }
}
