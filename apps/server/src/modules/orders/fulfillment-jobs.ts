import type { Executor } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';

export const SUBMIT_QUEUE = 'fulfillment-submit';
export const POLL_QUEUE = 'fulfillment-poll';
/** The compensation of a submission that failed for good: cancel (and so refund) after a grace period. */
export const UNFULFILLED_QUEUE = 'fulfillment-cancel-unfulfilled';

export interface SubmitJob {
  orderId: string;
}

export interface PollJob {
  orderId: string;
  /** The how-many-th poll: part of the singleton key, so a poll can schedule its successor. */
  n: number;
}

export interface FulfillmentSchedule {
  maxAttempts: number;
  backoffMs: number;
  /** Delay between polls of the provider. */
  pollEveryMs: number;
  /** How long a submission's claim lasts without renewal: a dead worker's submission is taken over after this. */
  leaseMs: number;
  /** How long a failed fulfillment waits for an operator's retry before it is cancelled and refunded. */
  refundAfterMs: number;
}

export interface UnfulfilledJob {
  orderId: string;
}

/**
 * Submission is enqueued in the transaction that marks the order paid: the job exists exactly
 * when the payment does, so a crash in between still submits (once: the singleton key and the
 * provider's idempotency by external id see to that) after a restart.
 */
export async function scheduleSubmission(
  jobs: JobQueue,
  tx: Executor,
  orderId: string,
  schedule: FulfillmentSchedule,
) {
  await jobs.enqueue<SubmitJob>(
    SUBMIT_QUEUE,
    { orderId },
    {
      singletonKey: orderId,
      maxAttempts: schedule.maxAttempts,
      backoffMs: schedule.backoffMs,
    },
    tx,
  );
}

export async function schedulePoll(
  jobs: JobQueue,
  tx: Executor,
  orderId: string,
  n: number,
  schedule: FulfillmentSchedule,
) {
  await jobs.enqueue<PollJob>(
    POLL_QUEUE,
    { orderId, n },
    { singletonKey: `${orderId}:${n}`, delayMs: schedule.pollEveryMs, maxAttempts: 5, backoffMs: 2000 },
    tx,
  );
}

/** Enqueued in the transaction that enters `fulfillment_failed`: the order is refunded unless retried in time. */
export async function scheduleCancelUnfulfilled(
  jobs: JobQueue,
  tx: Executor,
  orderId: string,
  schedule: FulfillmentSchedule,
) {
  await jobs.enqueue<UnfulfilledJob>(
    UNFULFILLED_QUEUE,
    { orderId },
    { singletonKey: orderId, delayMs: schedule.refundAfterMs, maxAttempts: 10, backoffMs: 2000 },
    tx,
  );
}
