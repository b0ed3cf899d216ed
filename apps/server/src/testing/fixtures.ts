import type { CreateDesignBody, Design } from '@btb/contracts';
import type { FastifyInstance } from 'fastify';

let counter = 0;

export interface Session {
  token: string;
  refreshToken: string;
  userId: string;
  email: string;
  auth: { authorization: string };
}

/** Registers a fresh account through the API. */
export async function signUp(app: FastifyInstance, name = 'Tester'): Promise<Session> {
  const email = `${name.toLowerCase().replace(/\W/g, '')}-${process.pid}-${Date.now()}-${++counter}@example.com`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email, password: 'linen-lemons-42', name },
  });
  if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return {
    token: body.accessToken,
    refreshToken: body.refreshToken,
    userId: body.user.id,
    email,
    auth: { authorization: `Bearer ${body.accessToken}` },
  };
}

export const designBody = (overrides: Partial<CreateDesignBody> = {}): CreateDesignBody => ({
  title: 'Lemon grove',
  prompt: 'navy linen summer dress with small coral lemons',
  category: 'dress',
  style: 'casual',
  colors: [],
  ...overrides,
});

export async function createDesign(
  app: FastifyInstance,
  session: Session,
  overrides: Partial<CreateDesignBody> = {},
) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/designs',
    headers: session.auth,
    payload: designBody(overrides),
  });
  if (res.statusCode !== 202) throw new Error(`design creation failed: ${res.statusCode} ${res.body}`);
  return res.json() as Design;
}

export const until = async (check: () => Promise<boolean> | boolean, timeoutMs = 20_000, stepMs = 50) => {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return false;
};
