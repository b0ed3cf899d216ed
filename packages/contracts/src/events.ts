import { z } from 'zod';
import { orderStatusSchema } from './commerce.ts';
import { categorySchema, designStatusSchema, styleSchema } from './designs.ts';

/**
 * The domain events: one metadata schema per event type. Producers are checked against it when they
 * write the event (and at compile time), consumers when they receive it, so a payload that drifts
 * fails where it is made, not three services later.
 */
const money = { totalCents: z.number().int(), currency: z.string() };
const designFacts = {
  category: categorySchema.optional(),
  style: styleSchema.optional(),
  tags: z.array(z.string()).optional(),
  colors: z.array(z.string()).optional(),
  isPublic: z.boolean().optional(),
};

export const eventMetadataSchemas = {
  user_registered: z.object({ name: z.string() }),
  /** Sign-in paused after repeated failures; the owner gets a link that lifts the pause. */
  sign_in_paused: z.object({ unlockToken: z.string() }),
  design_created: z.object({
    category: categorySchema,
    style: styleSchema,
    colors: z.array(z.string()),
    tags: z.array(z.string()),
    isPublic: z.boolean(),
  }),
  design_viewed: z.object({}),
  design_updated: z.object({
    ...designFacts,
    fields: z.array(z.string()).optional(),
    regenerated: z.boolean().optional(),
    seed: z.number().int().optional(),
    versionSelected: z.number().int().optional(),
    status: designStatusSchema.optional(),
  }),
  design_deleted: z.object({}),
  design_liked: z.object({ ...designFacts, liked: z.boolean(), ownerId: z.string() }),
  generation_completed: z.object({
    title: z.string(),
    aiModel: z.string(),
    tags: z.array(z.string()),
    colors: z.array(z.string()),
  }),
  generation_failed: z.object({ title: z.string(), reason: z.string() }),
  order_created: z.object({ ...money, country: z.string() }),
  order_status_changed: z.object({
    from: orderStatusSchema.nullable(),
    to: orderStatusSchema,
    reason: z.string().optional(),
    ...money,
    /** Once shipped: the parcel to follow. */
    tracking: z
      .object({ carrier: z.string(), trackingNumber: z.string(), trackingUrl: z.string() })
      .partial()
      .optional(),
  }),
  order_paid: z.object(money),
  payment_succeeded: z.object({
    amountCents: z.number().int(),
    currency: z.string(),
    paymentIntentId: z.string(),
  }),
  payment_failed: z.object({ message: z.string(), amountCents: z.number().int(), currency: z.string() }),
  payment_refunded: z.object({ amountCents: z.number().int(), currency: z.string(), refundId: z.string() }),
} as const;

export type EventType = keyof typeof eventMetadataSchemas;
export const eventTypes = Object.keys(eventMetadataSchemas) as EventType[];

/**
 * Events no module of the platform consumes: they are published for subscribers outside it (the
 * NATS stream) and kept in the outbox as the record of what happened. Every other event has a consumer.
 */
export const eventsWithoutConsumer = [
  'user_registered',
  'design_deleted',
  'order_created',
  'payment_succeeded',
] as const satisfies readonly EventType[];
export type EventMetadata<T extends EventType> = z.infer<(typeof eventMetadataSchemas)[T]>;

/** The envelope every domain event travels in (the brief's event schema, plus orderId). */
export const eventEnvelopeSchema = z.object({
  eventId: z.string(),
  eventType: z.enum(eventTypes as [EventType, ...EventType[]]),
  userId: z.string().nullable(),
  designId: z.string().optional(),
  orderId: z.string().optional(),
  timestamp: z.string(),
  metadata: z.record(z.string(), z.unknown()),
});

/** An envelope whose metadata is typed by its event type: narrowing on `eventType` narrows `metadata`. */
export type EventOf<T extends EventType = EventType> = {
  [K in T]: Omit<z.infer<typeof eventEnvelopeSchema>, 'eventType' | 'metadata'> & {
    eventType: K;
    metadata: EventMetadata<K>;
  };
}[T];
