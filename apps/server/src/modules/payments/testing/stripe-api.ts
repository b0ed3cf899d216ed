import { randomBytes } from 'node:crypto';
import type {
  FakeHttpServer,
  FakeResponse,
  RecordedRequest,
} from '../../../platform/testing/fake-http-server.ts';

export const STRIPE_TEST_SECRET_KEY = 'sk_test_btb_local';
export const STRIPE_TEST_WEBHOOK_SECRET = 'whsec_local_test_secret';

/** Stripe's 400 for an object that does not exist. */
const resourceMissing = (message: string, param?: string): FakeResponse => ({
  status: 400,
  json: {
    error: { type: 'invalid_request_error', code: 'resource_missing', ...(param ? { param } : {}), message },
  },
});

/**
 * A local stand-in for api.stripe.com: form-encoded requests, Stripe's JSON objects and error
 * bodies, and Stripe's idempotency rule (the same Idempotency-Key replays the first response).
 */
export function stripeApi(server: FakeHttpServer) {
  const replays = new Map<string, FakeResponse>();
  const intents = new Map<string, Record<string, unknown>>();
  const created = { intents: 0, refunds: 0 };
  const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

  const idempotent = (handler: (req: RecordedRequest) => FakeResponse) => (req: RecordedRequest) => {
    const key = req.headers['idempotency-key'] as string | undefined;
    if (key && replays.has(key)) {
      const first = replays.get(key)!;
      return { ...first, headers: { ...first.headers, 'idempotent-replayed': 'true' } };
    }
    const response = handler(req);
    if (key) replays.set(key, response);
    return response;
  };

  server.route(
    'POST',
    '/v1/payment_intents',
    idempotent((req) => {
      if (req.headers.authorization !== `Bearer ${STRIPE_TEST_SECRET_KEY}`) {
        return {
          status: 401,
          json: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } },
        };
      }
      created.intents++;
      const form = req.body as Record<string, string>;
      const intent: Record<string, any> = {
        id: id('pi'),
        object: 'payment_intent',
        amount: Number(form.amount),
        currency: form.currency,
        metadata: { orderId: form['metadata[orderId]'] },
        payment_method: form.payment_method,
        client_secret: null,
        last_payment_error: null,
        status: 'succeeded',
      };
      intent.client_secret = `${intent.id}_secret_abc`;
      intents.set(intent.id, intent);
      switch (form.payment_method) {
        case 'pm_card_visa':
          return { json: intent };
        case 'pm_card_authenticationRequired':
          return {
            json: { ...intent, status: 'requires_action', next_action: { type: 'use_stripe_sdk' } },
          };
        case 'pm_card_chargeDeclinedInsufficientFunds': {
          const error = {
            type: 'card_error',
            code: 'card_declined',
            decline_code: 'insufficient_funds',
            message: 'Your card has insufficient funds.',
          };
          intent.status = 'requires_payment_method';
          intent.last_payment_error = error;
          return { status: 402, json: { error: { ...error, payment_intent: intent } } };
        }
        default:
          return resourceMissing(`No such PaymentMethod: '${form.payment_method}'`, 'payment_method');
      }
    }),
  );

  server.route(
    'POST',
    '/v1/refunds',
    idempotent((req) => {
      const form = req.body as Record<string, string>;
      const intent = intents.get(form.payment_intent ?? '');
      if (!intent) {
        return resourceMissing('No such payment_intent');
      }
      created.refunds++;
      return {
        json: {
          id: id('re'),
          object: 'refund',
          amount: form.amount ? Number(form.amount) : intent.amount,
          payment_intent: intent.id,
          status: 'succeeded',
        },
      };
    }),
  );

  return { created };
}
