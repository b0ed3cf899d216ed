/**
 * A full process (API + workers) against a local Stripe and Printful that pays one order and is
 * then killed by the parent test with SIGKILL while the submission to Printful is in flight: the
 * payment is captured and the order paid, the manufacturer has nothing yet.
 */
import { buildApp } from '../app.ts';
import { testConfig } from '../config.ts';
import { createPlatform } from '../platform/platform.ts';

const platform = await createPlatform(
  testConfig({
    DATABASE_URL: process.env.CHILD_DATABASE_URL || undefined,
    DATA_DIR: process.env.CHILD_DATA_DIR,
    ...JSON.parse(process.env.CHILD_CONFIG ?? '{}'),
  }),
);
const app = await buildApp({ platform, webRoot: false });
await app.ready();
const paid = await app.inject({
  method: 'POST',
  url: `/api/orders/${process.env.CHILD_ORDER_ID}/pay`,
  headers: { authorization: `Bearer ${process.env.CHILD_TOKEN}` },
  payload: { paymentMethod: 'pm_card_visa' },
});
process.stdout.write(`PAID ${paid.statusCode} ${paid.json().order?.status}\n`);
