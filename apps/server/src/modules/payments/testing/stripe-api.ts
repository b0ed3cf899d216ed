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

/** Stripe's 400 for a parameter it refuses. */
const invalidRequest = (message: string, param: string): FakeResponse => ({
  status: 400,
  json: { error: { type: 'invalid_request_error', param, message } },
});

/**
 * A local stand-in for api.stripe.com: form-encoded requests, Stripe's JSON objects and error
 * bodies, and Stripe's idempotency rule (the same Idempotency-Key replays the first response).
 * A card that needs 3-D Secure answers `requires_action`: with a `return_url`, the next action is
 * `redirect_to_url` (a page on this server standing for hooks.stripe.com); without, `use_stripe_sdk`.
 * `authenticate()` plays the buyer on that page.
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
      const form = req.body as Record<string, string>;
      const automatic = form['automatic_payment_methods[enabled]'] === 'true';
      const redirects = form['automatic_payment_methods[allow_redirects]'] ?? 'always';
      if (form.return_url && automatic && redirects === 'never') {
        return invalidRequest(
          'You cannot pass a `return_url` when `automatic_payment_methods[allow_redirects]` is `never`.',
          'return_url',
        );
      }
      if (form.confirm === 'true' && automatic && redirects !== 'never' && !form.return_url) {
        return invalidRequest(
          'A `return_url` must be specified because this Payment Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed.',
          'return_url',
        );
      }
      created.intents++;
      const intent: Record<string, any> = {
        id: id('pi'),
        object: 'payment_intent',
        amount: Number(form.amount),
        currency: form.currency,
        metadata: { orderId: form['metadata[orderId]'] },
        payment_method: form.payment_method,
        client_secret: null,
        last_payment_error: null,
        next_action: null,
        status: 'succeeded',
      };
      intent.client_secret = `${intent.id}_secret_abc`;
      intents.set(intent.id, intent);
      switch (form.payment_method) {
        case 'pm_card_visa':
          return { json: intent };
        case 'pm_card_authenticationRequired':
          intent.status = 'requires_action';
          intent.next_action = form.return_url
            ? {
                type: 'redirect_to_url',
                redirect_to_url: {
                  url: `${server.url}/3d_secure_2/hosted?payment_intent=${intent.id}&payment_intent_client_secret=${intent.client_secret}`,
                  return_url: form.return_url,
                },
              }
            : { type: 'use_stripe_sdk', use_stripe_sdk: {} };
          return { json: intent };
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

  server.route('GET', '/v1/payment_intents/:id', (req) => {
    const intent = intents.get(req.params.id ?? '');
    if (!intent) {
      return { ...resourceMissing(`No such payment_intent: '${req.params.id}'`, 'intent'), status: 404 };
    }
    return { json: intent };
  });

  /** The buyer on the bank's page: approves (the intent succeeds) or fails authentication. */
  const authenticate = (paymentIntentId: string, approve: boolean) => {
    const intent = intents.get(paymentIntentId);
    if (intent?.status !== 'requires_action') throw new Error(`${paymentIntentId} does not require action`);
    intent.next_action = null;
    if (approve) {
      intent.status = 'succeeded';
    } else {
      intent.status = 'requires_payment_method';
      intent.last_payment_error = {
        type: 'invalid_request_error',
        code: 'payment_intent_authentication_failure',
        message:
          'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
      };
    }
  };

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

  return { created, authenticate };
}
