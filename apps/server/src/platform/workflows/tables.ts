import { integer, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { platformSchema } from '../bus/tables.ts';

/**
 * Progress of long-running flows that cross modules (pay → mark paid → submit to manufacturing):
 * one row per step of a workflow instance, written by the module that owns the step in the same
 * transaction as the step's own change, so the record and the effect exist together.
 */
export const workflowSteps = platformSchema.table(
  'workflow_steps',
  {
    workflow: text('workflow').notNull(),
    /** The aggregate the flow runs for (an order id). */
    instanceId: text('instance_id').notNull(),
    step: text('step').notNull(),
    state: text('state', { enum: ['done', 'failed', 'compensated'] }).notNull(),
    /** What the step acted on or produced (a payment id, the manufacturer's order id). */
    ref: text('ref'),
    detail: text('detail'),
    /** How many times the step was recorded (a retried step that ends differently counts again). */
    times: integer('times').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workflow, t.instanceId, t.step] })],
);
