import {
  authResponseSchema,
  errorResponseSchema,
  loginBodySchema,
  logoutBodySchema,
  refreshBodySchema,
  registerBodySchema,
  streamTicketSchema,
  updateProfileBodySchema,
  userSchema,
} from '@btb/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import { rateLimitError } from '../../platform/http/rate-limits.ts';
import type { AuthGuard } from './auth-guard.ts';
import type { IdentityService } from './service.ts';
import { errorResponses, documentRoutes } from '../../platform/http/openapi.ts';
import { actorOf } from '../../platform/http/actor.ts';

const errors = errorResponses(400, 401, 429);
/** Requests per address per window, as a multiple of the failed sign-ins allowed. */
const AUTH_FLOOD_FACTOR = 4;

export function identityRoutes(
  service: IdentityService,
  guard: AuthGuard,
  config: Config,
): FastifyPluginAsyncZod {
  return async (app) => {
    documentRoutes(app, 'auth');
    // Failed sign-ins are limited per account and per address by the service (successes never
    // count); this is only flood control per address, roomy enough for a shared network's sign-ups.
    const perIp = {
      rateLimit: {
        max: config.RATE_LIMIT_AUTH_MAX * AUTH_FLOOD_FACTOR,
        timeWindow: config.RATE_LIMIT_AUTH_WINDOW_S * 1000,
        keyGenerator: (request: FastifyRequest) => `auth-ip:${request.ip}`,
        errorResponseBuilder: rateLimitError,
      },
    };

    app.post(
      '/api/auth/register',
      {
        config: perIp,
        schema: {
          summary: 'Create an account',
          body: registerBodySchema,
          response: { 201: authResponseSchema, 409: errorResponseSchema, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await service.register(request.body)),
    );

    app.post(
      '/api/auth/login',
      {
        config: perIp,
        schema: {
          summary: 'Sign in',
          body: loginBodySchema,
          response: { 200: authResponseSchema, ...errors },
        },
      },
      async (request) => service.login(request.body, request.ip),
    );

    app.get(
      '/api/auth/unlock',
      {
        config: perIp,
        schema: {
          summary: 'The e-mailed link that lifts a sign-in pause; answers with the sign-in page',
          querystring: z.object({ token: z.string().min(1).max(2000) }),
          response: { 303: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await service.unlock(request.query.token);
        return reply.redirect('/signin?unlocked=1', 303);
      },
    );

    app.post(
      '/api/auth/stream-ticket',
      {
        preHandler: guard.authenticate,
        schema: {
          summary: 'A one-minute ticket for event-stream URLs (`?ticket=`), so no access token goes in a URL',
          response: { 200: streamTicketSchema, ...errors },
        },
      },
      async (request) => service.streamTicket(actorOf(request)),
    );

    app.post(
      '/api/auth/refresh',
      {
        schema: {
          summary: 'Exchange a refresh token for a new pair (the old one is spent)',
          body: refreshBodySchema,
          response: { 200: authResponseSchema, ...errors },
        },
      },
      async (request) => service.refresh(request.body.refreshToken),
    );

    app.post(
      '/api/auth/logout',
      {
        preHandler: guard.optional,
        schema: {
          summary: 'Revoke the refresh token family (or every session of the signed-in user)',
          body: logoutBodySchema.optional(),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.logout(request.body?.refreshToken, request.actor);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/users/me',
      {
        preHandler: guard.require('profile', 'read'),
        schema: { tags: ['users'], response: { 200: userSchema, ...errors } },
      },
      async (request) => service.getUser(actorOf(request).id),
    );

    app.patch(
      '/api/users/me',
      {
        preHandler: guard.require('profile', 'update'),
        schema: {
          tags: ['users'],
          body: updateProfileBodySchema,
          response: { 200: userSchema, ...errors },
        },
      },
      async (request) => service.updateProfile(actorOf(request), request.body),
    );
  };
}
