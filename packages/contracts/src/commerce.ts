import { z } from 'zod';
import { categorySchema } from './designs.ts';

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

export const createOrderBodySchema = z.object({
  items: z
    .array(
      z.object({
        designId: z.uuid(),
        productId: z.string().min(1).max(60),
        variantId: z.string().min(1).max(60),
        quantity: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'),
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
export const payOrderResponseSchema = z.object({
  order: orderSchema,
  payment: z.object({
    status: z.enum(['succeeded', 'requires_action', 'failed']),
    message: z.string().optional(),
    clientSecret: z.string().optional(),
  }),
});

export type PaymentResult = z.infer<typeof payOrderResponseSchema>;

/** Public runtime configuration for the web app (GET /api/config): only public keys. */
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
