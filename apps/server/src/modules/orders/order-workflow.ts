import type { WorkflowDefinition } from '../../platform/workflows/workflow-steps.ts';

export type OrderPaymentStep =
  | 'capture_payment'
  | 'mark_paid'
  | 'submit_to_fulfillment'
  | 'cancel_unfulfilled'
  | 'refund_payment';

/**
 * Paying for an order and having it made, one instance per order (instance id = order id):
 *
 * 1. `capture_payment` (payments): the charge succeeded; recorded with the payment, which hands off
 *    to orders (inline for a prompt answer, and as a durable job that repeats it after a crash).
 * 2. `mark_paid` (orders): the order becomes paid, which enqueues the submission in the same
 *    transaction. An order that is no longer payable (cancelled meanwhile, or paid by another
 *    attempt) answers so, and payments refunds that payment instead.
 * 3. `submit_to_fulfillment` (orders): the manufacturer gets the order (idempotent by external
 *    id), retried with backoff; for good failures end in `fulfillment_failed`.
 *
 * Compensation: an order left in `fulfillment_failed` for FULFILLMENT_REFUND_AFTER_MS (an operator
 * may retry it meanwhile) is cancelled (`cancel_unfulfilled`), and payments refunds what was
 * captured on that cancellation (`refund_payment`), exactly as for a customer's cancellation.
 */
export const orderPaymentWorkflow: WorkflowDefinition<OrderPaymentStep> = {
  name: 'order-payment',
  steps: ['capture_payment', 'mark_paid', 'submit_to_fulfillment'],
  compensations: { submit_to_fulfillment: 'cancel_unfulfilled', capture_payment: 'refund_payment' },
};

export const orderStep = (orderId: string, step: OrderPaymentStep) => ({
  workflow: orderPaymentWorkflow.name,
  instanceId: orderId,
  step,
});
