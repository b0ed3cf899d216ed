import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { workflowSteps } from './tables.ts';

export type StepState = (typeof workflowSteps.$inferSelect)['state'];
export type StepRecord = typeof workflowSteps.$inferSelect;

/**
 * A flow across modules as named steps, each owned by one module and each able to say how it is
 * undone. The steps are driven by the durable job queue and the outbox (a crashed process's jobs
 * are claimed again, its events published again); each step records itself here in its owner's
 * transaction and is idempotent, so a step that runs again does nothing twice.
 */
export interface WorkflowDefinition<Step extends string> {
  name: string;
  /** The forward steps, in order. */
  steps: readonly Step[];
  /** What undoes a step once a later one fails for good. */
  compensations: Partial<Record<Step, string>>;
}

export interface StepKey {
  workflow: string;
  instanceId: string;
  step: string;
}

/** The step's record, read (and locked against a concurrent run of the same step) in the caller's transaction. */
export async function stepRecord(tx: Executor, key: StepKey): Promise<StepRecord | undefined> {
  const [row] = await tx
    .select()
    .from(workflowSteps)
    .where(
      and(
        eq(workflowSteps.workflow, key.workflow),
        eq(workflowSteps.instanceId, key.instanceId),
        eq(workflowSteps.step, key.step),
      ),
    )
    .for('update');
  return row;
}

/** Records (or re-records) the outcome of a step in the caller's transaction. */
export async function recordStep(
  tx: Executor,
  key: StepKey,
  outcome: { state: StepState; ref?: string | null; detail?: string | null },
): Promise<void> {
  const values = { state: outcome.state, ref: outcome.ref ?? null, detail: outcome.detail ?? null };
  await tx
    .insert(workflowSteps)
    .values({ ...key, ...values })
    .onConflictDoUpdate({
      target: [workflowSteps.workflow, workflowSteps.instanceId, workflowSteps.step],
      set: { ...values, times: sql`${workflowSteps.times} + 1`, updatedAt: sql`now()` },
    });
}

/** Every recorded step of one instance, in the order they were first recorded. */
export async function stepsOf(db: Executor, workflow: string, instanceId: string): Promise<StepRecord[]> {
  return db
    .select()
    .from(workflowSteps)
    .where(and(eq(workflowSteps.workflow, workflow), eq(workflowSteps.instanceId, instanceId)))
    .orderBy(asc(workflowSteps.createdAt), asc(workflowSteps.step));
}
