import type { FakeHttpServer } from '../../../platform/testing/fake-http-server.ts';

export const PRINTFUL_TOKEN = 'pf-token';

interface FakeOrder {
  id: number;
  external_id: string;
  status: string;
  shipments: unknown[];
}

/**
 * Printful v1 as documented, enough for submission, lookup and polling: `{code, result}` envelopes,
 * bearer auth, external ids unique (a second order with one is refused as Printful refuses it).
 * Faults on demand: fail the next submission, answer 5xx to everything, or create an order and
 * then drop the connection so the caller never sees the answer.
 */
export function fakePrintful(server: FakeHttpServer) {
  const orders = new Map<string, FakeOrder>();
  const stats = {
    created: 0,
    /** Order creations per external id: more than one would be a duplicate shipment. */
    creations: new Map<string, number>(),
    failNextWith: null as null | { status: number; message: string },
    /** While set, every request is answered with this status (an outage). */
    storm: null as null | number,
    /** How many of the next creations succeed but lose their response. */
    loseResponses: 0,
    /** While set, order creations are never answered (and nothing is created). */
    hang: false,
  };
  const ok = (result: unknown) => ({ json: { code: 200, result } });
  const error = (code: number, message: string) => ({
    status: code,
    json: { code, result: message, error: { reason: 'BadRequest', message } },
  });
  server.route('POST', '/orders', (req) => {
    if (stats.hang) return new Promise(() => {});
    if (stats.storm) return error(stats.storm, 'Service temporarily unavailable');
    if (req.headers.authorization !== `Bearer ${PRINTFUL_TOKEN}`) return error(401, 'Unauthorized');
    if (stats.failNextWith) return error(stats.failNextWith.status, stats.failNextWith.message);
    const body = req.body as { external_id: string };
    if (orders.has(body.external_id))
      return error(400, `Order with External ID ${body.external_id} already exists`);
    stats.created++;
    stats.creations.set(body.external_id, (stats.creations.get(body.external_id) ?? 0) + 1);
    const order = {
      id: 5000 + stats.created,
      external_id: body.external_id,
      status: 'pending',
      shipments: [],
    };
    orders.set(body.external_id, order);
    if (stats.loseResponses > 0) {
      stats.loseResponses--;
      return { hangUp: true };
    }
    return ok(order);
  });
  server.route('GET', '/orders/:id', (req) => {
    if (stats.storm) return error(stats.storm, 'Service temporarily unavailable');
    const order = orders.get((req.params.id ?? '').replace(/^@/, ''));
    return order ? ok(order) : error(404, 'Order not found');
  });
  return { orders, stats };
}
