import type { ErrorResponse } from '@btb/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import {
  DATABASE_RETRY_AFTER_S,
  isBadDatabaseInput,
  isDatabaseUnreachable,
  loggableError,
} from '../db/database-errors.ts';
import { AppError, type ErrorDetail } from '../errors.ts';

const pathOf = (instancePath: string) => instancePath.replace(/^\//, '').replaceAll('/', '.');

export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
}

/** Framework errors we answer with a 4xx, by Fastify error code. */
const frameworkErrors: Record<string, { status: number; code: ErrorResponse['code']; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: 'Request body is too large',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'Unsupported Content-Type; send application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request', message: 'Invalid Content-Length' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'bad_request',
    message: 'Request body is empty but Content-Type is JSON',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'bad_request',
    message: 'Request body is not valid JSON',
  },
};

function send(reply: FastifyReply, status: number, body: ErrorResponse) {
  if (body.retryAfter !== undefined) reply.header('retry-after', String(body.retryAfter));
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** Maps every failure to the contract's error shape; internal detail goes to the log only. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const requestId = String(request.id);
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return send(reply, error.status, {
        error: error.message,
        code: error.code,
        ...(error.details ? { details: error.details } : {}),
        ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
        requestId,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const details = error.validation.map((v) => ({
        path: pathOf(v.instancePath) || where,
        message: v.message ?? 'is invalid',
      }));
      return send(reply, 400, {
        error: `Invalid request ${where}`,
        code: 'validation_failed',
        details,
        requestId,
      });
    }
    if (error instanceof ZodError) {
      return send(reply, 400, {
        error: 'Validation failed',
        code: 'validation_failed',
        details: zodDetails(error),
        requestId,
      });
    }
    const known = error.code ? frameworkErrors[error.code] : undefined;
    if (known) return send(reply, known.status, { error: known.message, code: known.code, requestId });
    if (error instanceof SyntaxError && error.statusCode === 400) {
      return send(reply, 400, { error: 'Request body is not valid JSON', code: 'bad_request', requestId });
    }
    if (error.statusCode === 429) {
      const retryAfter = (error as { retryAfter?: number }).retryAfter ?? 60;
      return send(reply, 429, { error: error.message, code: 'rate_limited', retryAfter, requestId });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, error.statusCode, { error: error.message, code: 'bad_request', requestId });
    }
    if (isDatabaseUnreachable(error)) {
      request.log.warn({ err: loggableError(error) }, 'database unreachable');
      return send(reply, 503, {
        error: 'The service is briefly unavailable; try again shortly',
        code: 'service_unavailable',
        retryAfter: DATABASE_RETRY_AFTER_S,
        requestId,
      });
    }
    if (isBadDatabaseInput(error)) {
      return send(reply, 400, {
        error:
          'The request holds a value that cannot be stored or read (a NUL byte, a malformed id or cursor)',
        code: 'bad_request',
        requestId,
      });
    }
    request.log.error({ err: loggableError(error) }, 'unhandled error');
    return send(reply, 500, { error: 'Something went wrong on our side', code: 'internal_error', requestId });
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, {
      error: `No route for ${request.method} ${request.url.split('?')[0]}`,
      code: 'not_found',
      requestId: String(request.id),
    }),
  );
}
