import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { documentRoutes } from '../../platform/http/openapi.ts';
import { TEST_BANK_PATH, type TestGateway } from './providers/test-gateway.ts';

/**
 * The embedded gateway's 3-D Secure page, standing where Stripe's hosted test page would: the buyer
 * completes or fails authentication and is sent back to the shop with `payment_intent` and
 * `redirect_status`, as Stripe sends them. Registered only while the test gateway is in use.
 */

/**
 * The return URL as a path of this app, or null when it leads anywhere else (no open redirect):
 * a relative path, or an absolute URL on PUBLIC_URL's origin.
 */
export function sameOriginPath(raw: string, publicUrl: string): string | null {
  const origin = new URL(publicUrl).origin;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return null;
  }
  // `//host`, `/\host` and `javascript:` resolve to another origin (or none); `http://us//host` to a
  // path a browser would read as another host.
  if (url.origin !== origin || url.pathname.startsWith('//')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const formatAmount = (cents: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);

function bankPage(input: { action: string; returnUrl: string; amount: string }): string {
  const amount = escapeHtml(input.amount);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Test bank — confirm payment of ${amount}</title>
<style>
  :root { color-scheme: light dark; --ink: #1f2328; --soft: #57606a; --card: #fff; --bg: #f3f1ec; --line: #d0d7de; --accent: #0b5cad; }
  @media (prefers-color-scheme: dark) { :root { --ink: #e6edf3; --soft: #9da7b3; --card: #161b22; --bg: #0d1117; --line: #30363d; --accent: #58a6ff; } }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; padding: 1rem; background: var(--bg); color: var(--ink); font: 16px/1.5 system-ui, sans-serif; }
  main { width: 100%; max-width: 28rem; background: var(--card); border: 1px solid var(--line); border-radius: 1rem; padding: 1.5rem; }
  .tag { display: inline-block; margin: 0 0 1rem; padding: .125rem .625rem; border: 1px solid var(--line); border-radius: 999px; font-size: .8125rem; color: var(--soft); }
  h1 { margin: 0 0 .75rem; font-size: 1.375rem; line-height: 1.3; }
  p { margin: 0 0 1rem; color: var(--soft); }
  form { display: flex; flex-direction: column; gap: .75rem; margin-top: 1.5rem; }
  button { min-height: 2.75rem; padding: .625rem 1rem; border-radius: .75rem; border: 1px solid var(--line); background: transparent; color: var(--ink); font: inherit; font-weight: 600; cursor: pointer; }
  button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
  @media (prefers-color-scheme: dark) { button.primary { color: #0d1117; } }
  button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
</style>
</head>
<body>
<main>
  <p class="tag">Test mode · no real bank, no real money</p>
  <h1>Test bank — confirm payment of ${amount} to Boutique-To-Box</h1>
  <p>This page stands in for your bank's 3‑D Secure check, like Stripe's test authentication page. Choose how your bank answers; you then go back to the shop.</p>
  <form method="post" action="${escapeHtml(input.action)}">
    <input type="hidden" name="return_url" value="${escapeHtml(input.returnUrl)}">
    <button type="submit" name="decision" value="complete" class="primary">Complete authentication</button>
    <button type="submit" name="decision" value="fail">Fail authentication</button>
  </form>
</main>
</body>
</html>`;
}

const params = z.object({ paymentIntentId: z.string().regex(/^pi_[A-Za-z0-9_]{1,100}$/) });
const returnUrl = z.string().min(1).max(2048);

export function testBankRoutes(gateway: TestGateway, publicUrl: string): FastifyPluginAsyncZod {
  return async (app) => {
    documentRoutes(app, 'payments');
    // The page's form posts as a browser does, without JavaScript.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    const checked = (raw: string) => {
      const path = sameOriginPath(raw, publicUrl);
      if (!path) throw new AppError('bad_request', 'return_url must be a page of this shop');
      return path;
    };
    const unknown = () =>
      new AppError(
        'not_found',
        'The test bank knows no such payment (it forgets them when the app restarts)',
      );

    /** Back to the shop with the outcome in the query, as Stripe appends it. */
    const back = (path: string, paymentIntentId: string) => {
      const intent = gateway.authenticationOf(paymentIntentId);
      const url = new URL(path, 'http://shop.invalid');
      url.searchParams.set('payment_intent', paymentIntentId);
      if (intent) url.searchParams.set('payment_intent_client_secret', intent.clientSecret);
      url.searchParams.set('redirect_status', intent?.status === 'succeeded' ? 'succeeded' : 'failed');
      return `${url.pathname}${url.search}${url.hash}`;
    };

    app.get(
      `${TEST_BANK_PATH}/:paymentIntentId`,
      {
        schema: {
          summary: "The embedded test gateway's 3-D Secure page (HTML; test gateway only)",
          params,
          querystring: z.object({ return_url: returnUrl }),
        },
      },
      async (request, reply) => {
        const path = checked(request.query.return_url);
        const { paymentIntentId } = request.params;
        const intent = gateway.authenticationOf(paymentIntentId);
        if (!intent) throw unknown();
        // Already answered (a second visit, the back button): straight back to the shop.
        if (intent.status !== 'requires_action') return reply.redirect(back(path, paymentIntentId), 303);
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(
            bankPage({
              action: `${TEST_BANK_PATH}/${paymentIntentId}`,
              returnUrl: path,
              amount: formatAmount(intent.amountCents, intent.currency),
            }),
          );
      },
    );

    app.post(
      `${TEST_BANK_PATH}/:paymentIntentId`,
      {
        schema: {
          summary: 'Answer the test 3-D Secure page: complete or fail authentication, then back to the shop',
          params,
          body: z.object({ decision: z.enum(['complete', 'fail']), return_url: returnUrl }),
        },
      },
      async (request, reply) => {
        const path = checked(request.body.return_url);
        const { paymentIntentId } = request.params;
        const intent = gateway.authenticationOf(paymentIntentId);
        if (!intent) throw unknown();
        // A second post (a double click) changes nothing: the first answer stands.
        if (intent.status === 'requires_action')
          gateway.completeAuthentication(paymentIntentId, request.body.decision === 'complete');
        return reply.redirect(back(path, paymentIntentId), 303);
      },
    );
  };
}
