import { type Config, publicBaseUrl } from '../../config.ts';
import type { Platform } from '../../platform/platform.ts';
import type { AuthGuard } from '../identity/index.ts';
import type { AppModule } from '../module.ts';
import type { OrdersService } from '../orders/index.ts';
import type { PaymentGateway } from './providers/payment-gateway.ts';
import { StripeGateway } from './providers/stripe-gateway.ts';
import { TEST_GATEWAY_WEBHOOK_SECRET, TestGateway } from './providers/test-gateway.ts';
import { paymentRoutes, stripeWebhookRoutes } from './routes.ts';
import { testBankRoutes } from './test-bank.ts';
import { PaymentsService } from './service.ts';

export type { PaymentsService } from './service.ts';
export type { PaymentGateway } from './providers/payment-gateway.ts';
export { TEST_GATEWAY_WEBHOOK_SECRET } from './providers/test-gateway.ts';

/** The one place the payment gateway is chosen from configuration. */
export function createPaymentGateway(config: Config): PaymentGateway {
  if (config.PAYMENT_PROVIDER === 'stripe') {
    // loadConfig already refuses stripe without a key; this keeps the type honest.
    if (!config.STRIPE_SECRET_KEY)
      throw new Error('STRIPE_SECRET_KEY: required when PAYMENT_PROVIDER=stripe');
    return new StripeGateway({
      secretKey: config.STRIPE_SECRET_KEY,
      webhookSecret: config.STRIPE_WEBHOOK_SECRET ?? '',
      apiBase: config.STRIPE_API_BASE,
    });
  }
  return new TestGateway({ webhookSecret: config.STRIPE_WEBHOOK_SECRET ?? TEST_GATEWAY_WEBHOOK_SECRET });
}

export function createPaymentsModule(
  platform: Platform,
  deps: { orders: OrdersService; guard: AuthGuard },
  overrides: { gateway?: PaymentGateway } = {},
) {
  const gateway = overrides.gateway ?? createPaymentGateway(platform.config);
  const service = new PaymentsService({
    db: platform.database.db,
    gateway,
    orders: deps.orders,
    jobs: platform.jobs,
    logger: platform.logger,
    poke: () => platform.relay.poke(),
    // The web app's checkout of that order, which confirms the payment on return.
    returnUrl: (orderId) => `${publicBaseUrl(platform.config)}/orders/${orderId}/checkout`,
  });
  const module: AppModule = {
    name: 'payments',
    routes: async (app) => {
      await app.register(paymentRoutes(service, deps.guard));
      await app.register(stripeWebhookRoutes(service));
      if (gateway instanceof TestGateway)
        await app.register(testBankRoutes(gateway, publicBaseUrl(platform.config)));
    },
    startWorkers: async () => {
      service.startWorkers(platform.config.JOBS_CONCURRENCY, platform.config.JOBS_POLL_MS);
      // A cancelled order that was paid is refunded (durably: the refund job is enqueued with the event's handling).
      await platform.subscribe('payments.refund-cancelled', ['order_status_changed'], async (event, tx) => {
        if (event.orderId && event.metadata.to === 'cancelled')
          await service.scheduleRefunds(tx, event.orderId);
      });
    },
  };
  return { service, gateway, module };
}
