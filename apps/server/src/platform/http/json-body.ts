import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/** Deeper than any body the API accepts; a `[[[…]]]` body costs one linear scan, not a parse and a validation. */
export const MAX_JSON_DEPTH = 32;

/** Whether arrays and objects nest deeper than `limit` in a JSON text: one pass over the brackets outside strings. */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Fastify's JSON parser (prototype-poisoning checks included) behind a nesting-depth guard. */
export function registerJsonBodyParser(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const body = raw as string; // parseAs: 'string'
    if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) {
      done(new AppError('bad_request', `JSON nests deeper than ${MAX_JSON_DEPTH} levels`), undefined);
      return;
    }
    parse(request, body, done);
  });
}
