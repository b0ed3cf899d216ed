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
import { limitBy, rateLimitError } from '../../platform/http/rate-limits.ts';
import type { AuthGuard } from './auth-guard.ts';
import type { IdentityService } from './service.ts';
import { errorResponses } from '../../platform/http/openapi.ts';

const errors = errorResponses(400, 401, 429);

export function identityRoutes(
  service: IdentityService,
  guard: AuthGuard,
  config: Config,
): FastifyPluginAsyncZod {
  return async (app) => {
    const authWindow = config.RATE_LIMIT_AUTH_WINDOW_S * 1000;
    // The brief's auth limit, counted per client IP (route config) and per account (pre-handler below).
    const perIp = {
      rateLimit: {
        max: config.RATE_LIMIT_AUTH_MAX,
        timeWindow: authWindow,
        keyGenerator: (request: FastifyRequest) => `auth-ip:${request.ip}`,
        errorResponseBuilder: rateLimitError,
      },
    };
    const perAccount = limitBy(app, {
      max: config.RATE_LIMIT_AUTH_MAX,
      windowMs: authWindow,
      key: (request) => {
        const email = (request.body as { email?: string } | undefined)?.email;
        return email ? `auth-account:${email}` : undefined;
      },
      message: 'Too many sign-in attempts for this account; try again later',
    });

    app.post(
      '/api/auth/register',
      {
        config: perIp,
        schema: {
          tags: ['auth'],
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
        preHandler: perAccount,
        schema: {
          tags: ['auth'],
          summary: 'Sign in',
          body: loginBodySchema,
          response: { 200: authResponseSchema, ...errors },
        },
      },
      async (request) => service.login(request.body),
    );

    app.post(
      '/api/auth/stream-ticket',
      {
        preHandler: guard.authenticate,
        schema: {
          tags: ['auth'],
          summary: 'A one-minute ticket for event-stream URLs (`?ticket=`), so no access token goes in a URL',
          security: [{ bearer: [] }],
          response: { 200: streamTicketSchema, ...errors },
        },
      },
      async (request) => service.streamTicket(request.actor!),
    );

    app.post(
      '/api/auth/refresh',
      {
        schema: {
          tags: ['auth'],
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
          tags: ['auth'],
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
        schema: { tags: ['users'], security: [{ bearer: [] }], response: { 200: userSchema, ...errors } },
      },
      async (request) => service.getUser(request.actor!.id),
    );

    app.patch(
      '/api/users/me',
      {
        preHandler: guard.require('profile', 'update'),
        schema: {
          tags: ['users'],
          security: [{ bearer: [] }],
          body: updateProfileBodySchema,
          response: { 200: userSchema, ...errors },
        },
      },
      async (request) => service.updateProfile(request.actor!, request.body),
    );
  };
}
