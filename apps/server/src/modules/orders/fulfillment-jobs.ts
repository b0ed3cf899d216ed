import type { Executor } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';

export const SUBMIT_QUEUE = 'fulfillment-submit';
export const POLL_QUEUE = 'fulfillment-poll';

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
