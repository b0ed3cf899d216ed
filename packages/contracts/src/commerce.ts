import { z } from 'zod';
import { categorySchema } from './designs.ts';
import { MOCKUP_SIZES, MOCKUP_VIEWS, REPEAT_SCALE } from './product-geometry.ts';

export const printAreaSchema = z.object({
  placement: z.string(),
  widthPx: z.number().int(),
  heightPx: z.number().int(),
  dpi: z.number().int(),
});
export type PrintArea = z.infer<typeof printAreaSchema>;

export const variantSchema = z.object({
  id: z.string(),
  size: z.string(),
  color: z.string(),
  colorHex: z.string(),
  priceCents: z.number().int(),
  printfulVariantId: z.number().int(),
});

const dayRange = z.object({ min: z.number().int(), max: z.number().int() });

/** What a buyer checks before ordering: sizes (cm), fabric, care, and how long making and shipping take. */
export const productFactsSchema = z.object({
  fabric: z.string(),
  care: z.string(),
  /** Garment measurements laid flat, per size, in centimetres. */
  sizeChart: z.array(z.object({ size: z.string(), widthCm: z.number(), lengthCm: z.number() })),
  productionDays: dayRange,
  /** Standard shipping by destination; `countries` empty for the rest of the world. */
  shippingDays: z.array(z.object({ region: z.string(), countries: z.array(z.string()), days: dayRange })),
});
export type ProductFacts = z.infer<typeof productFactsSchema>;

export const productSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    category: categorySchema,
    currency: z.string(),
    basePriceCents: z.number().int(),
    printfulProductId: z.number().int(),
    printAreas: z.array(printAreaSchema),
    variants: z.array(variantSchema),
    facts: productFactsSchema.optional(),
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof productSchema>;

export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as US or DE');

export const addressSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  line1: z.string().trim().min(1, 'is required').max(200),
  line2: z.string().trim().max(200).optional(),
  city: z.string().trim().min(1, 'is required').max(100),
  state: z.string().trim().max(100).optional(),
  postalCode: z
    .string()
    .trim()
    .min(2, 'is required')
    .max(12)
    .regex(/^[A-Za-z0-9 -]+$/, 'is not a valid postal code'),
  country: countryCodeSchema,
  email: z.email().optional(),
  phone: z.string().trim().max(30).optional(),
});
export type Address = z.infer<typeof addressSchema>;

export const shippingMethods = ['standard', 'express'] as const;

/** A placed print's position and width in its print area's pixels (checked against the area by the server). */
export const printPlacementSchema = z
  .object({
    x: z.number().min(0, 'must be at least 0'),
    y: z.number().min(0, 'must be at least 0'),
    width: z.number().positive('must be more than 0'),
  })
  .meta({ id: 'PrintPlacement' });

/** An all-over repeat's scale in percent of the standard tile, and its rotation in degrees. */
export const repeatOptionsSchema = z
  .object({
    scale: z
      .number()
      .min(REPEAT_SCALE.min, `must be at least ${REPEAT_SCALE.min}%`)
      .max(REPEAT_SCALE.max, `must be at most ${REPEAT_SCALE.max}%`)
      .default(100),
    rotation: z.number().min(0, 'must be at least 0').lt(360, 'must be less than 360').default(0),
  })
  .meta({ id: 'RepeatOptions' });

/** GET /api/designs/:id/mockups/:productId: the print as an order line would carry it. */
export const mockupQuerySchema = z
  .object({
    x: z.coerce.number().min(0, 'must be at least 0').optional(),
    y: z.coerce.number().min(0, 'must be at least 0').optional(),
    width: z.coerce.number().positive('must be more than 0').optional(),
    scale: z.coerce
      .number()
      .min(REPEAT_SCALE.min, `must be at least ${REPEAT_SCALE.min}%`)
      .max(REPEAT_SCALE.max, `must be at most ${REPEAT_SCALE.max}%`)
      .optional(),
    rotation: z.coerce.number().min(0, 'must be at least 0').lt(360, 'must be less than 360').optional(),
    view: z.enum(MOCKUP_VIEWS).optional(),
    /** One of the product's variant colours, by name (the first variant's by default). */
    color: z.string().min(1).max(40).optional(),
    size: z.coerce
      .number()
      .refine(
        (v) => (MOCKUP_SIZES as readonly number[]).includes(v),
        `must be one of ${MOCKUP_SIZES.join(', ')}`,
      )
      .optional(),
  })
  .refine(
    (q) =>
      [q.x, q.y, q.width].every((v) => v === undefined) || [q.x, q.y, q.width].every((v) => v !== undefined),
    {
      message: 'a placement needs x, y and width together',
      path: ['width'],
    },
  )
  .transform(({ x, y, width, scale, rotation, view, color, size }) => ({
    // The refine above admits x, y and width only together.
    placement: x === undefined || y === undefined || width === undefined ? undefined : { x, y, width },
    repeat:
      scale === undefined && rotation === undefined
        ? undefined
        : { scale: scale ?? 100, rotation: rotation ?? 0 },
    look: { view, color, size },
  }));

export const createOrderBodySchema = z.object({
  items: z
    .array(
      z.object({
        designId: z.uuid(),
        productId: z.string().min(1).max(60),
        variantId: z.string().min(1).max(60),
        quantity: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'),
        /** Products with a placed print (t-shirt, hoodie front): where it goes; the whole area when absent. */
        placement: printPlacementSchema.optional(),
        /** All-over products: the repeat's scale and rotation; 100% and 0° when absent. */
        repeat: repeatOptionsSchema.optional(),
      }),
    )
    .min(1, 'an order needs at least one item')
    .max(20),
  shippingAddress: addressSchema,
  shippingMethod: z.enum(shippingMethods).default('standard'),
});
export type CreateOrderBody = z.input<typeof createOrderBodySchema>;

export const orderStatuses = [
  'pending_payment',
  'paid',
  'submitted',
  'in_production',
  'shipped',
  'delivered',
  'payment_failed',
  'cancelled',
  'fulfillment_failed',
] as const;
export const orderStatusSchema = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

export const orderSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    status: orderStatusSchema,
    items: z.array(
      z.object({
        designId: z.uuid(),
        designTitle: z.string(),
        thumbnailUrl: z.string().nullable(),
        productId: z.string(),
        productName: z.string(),
        variantId: z.string(),
        variantName: z.string(),
        quantity: z.number().int(),
        unitPriceCents: z.number().int(),
        printFileUrl: z.string().nullable(),
        placement: printPlacementSchema.optional(),
        repeat: z.object({ scale: z.number(), rotation: z.number() }).optional(),
        /** The artwork's effective DPI at the chosen size (vectors: 300). */
        effectiveDpi: z.number().int().optional(),
      }),
    ),
    currency: z.string(),
    subtotalCents: z.number().int(),
    shippingCents: z.number().int(),
    taxCents: z.number().int(),
    totalCents: z.number().int(),
    /** Refunded so far (a cancelled paid order is refunded in full). */
    refundedCents: z.number().int().optional(),
    shippingMethod: z.enum(shippingMethods),
    shippingAddress: addressSchema,
    destination: z.object({ longitude: z.number(), latitude: z.number() }).nullable(),
    tracking: z
      .object({ carrier: z.string(), trackingNumber: z.string(), trackingUrl: z.string() })
      .nullable(),
    failureReason: z.string().nullable(),
    history: z.array(
      z.object({
        from: orderStatusSchema.nullable(),
        to: orderStatusSchema,
        at: z.string(),
        reason: z.string(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof orderSchema>;

export const payOrderBodySchema = z.object({ paymentMethod: z.string().trim().min(3).max(100) });
/**
 * What the buyer must do before a payment can finish (Stripe's `next_action`): for 3-D Secure, go to
 * `url` (their bank's page; relative to the app with the embedded test gateway), which sends them
 * back to the order's checkout with `payment_intent` and `redirect_status` in the query.
 */
export const paymentNextActionSchema = z
  .object({ type: z.literal('redirect_to_url'), url: z.string() })
  .meta({ id: 'PaymentNextAction' });
export type PaymentNextAction = z.infer<typeof paymentNextActionSchema>;
export const payOrderResponseSchema = z.object({
  order: orderSchema,
  payment: z.object({
    status: z.enum(['succeeded', 'requires_action', 'failed']),
    message: z.string().optional(),
    clientSecret: z.string().optional(),
    nextAction: paymentNextActionSchema.optional(),
  }),
});
/** POST /api/orders/:id/pay/confirm: the PaymentIntent the bank sent the buyer back with (`payment_intent`), else the latest. */
export const confirmPaymentBodySchema = z.object({
  paymentIntent: z.string().trim().min(3).max(255).optional(),
});
export type PaymentResult = z.infer<typeof payOrderResponseSchema>;

/** Public runtime configuration for the web app (GET /api/config): only public keys, what it needs to take payment and draw the tracking map. */
export const publicConfigSchema = z.object({
  mapboxToken: z.string().nullable(),
  paymentProvider: z.enum(['test', 'stripe']),
  stripePublishableKey: z.string().nullable(),
});
export type PublicConfig = z.infer<typeof publicConfigSchema>;

export const notificationSchema = z
  .object({
    id: z.uuid(),
    type: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notificationSchema>;

/** GET /api/admin/stats: the operators' dashboard (last 30 days per day, totals overall). */
export const adminStatsSchema = z
  .object({
    designsPerDay: z.array(z.object({ day: z.string(), count: z.number().int() })),
    ordersPerDay: z.array(
      z.object({ day: z.string(), count: z.number().int(), revenueCents: z.number().int() }),
    ),
    generation: z.object({
      p50Ms: z.number(),
      p99Ms: z.number(),
      failed: z.number().int(),
      completed: z.number().int(),
    }),
    /** Share of HTTP responses that were 5xx since this instance started (0..1). */
    errorRate: z.number(),
    totals: z.object({
      users: z.number().int(),
      designs: z.number().int(),
      orders: z.number().int(),
      revenueCents: z.number().int(),
    }),
  })
  .meta({ id: 'AdminStats' });
export type AdminStats = z.infer<typeof adminStatsSchema>;
