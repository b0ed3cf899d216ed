import type { FastifyInstance } from 'fastify';
import { createIdentityModule } from '../../identity/index.ts';

/** An administrator, made the way the admin CLI makes one, signed in through the API. */
export async function adminSession(app: FastifyInstance) {
  const email = `admin-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = 'linen-lemons-admin-42';
  const identity = await createIdentityModule(app.platform);
  await identity.service.ensureAdmin(email, password);
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`admin login failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return { userId: body.user.id as string, auth: { authorization: `Bearer ${body.accessToken}` } };
}
