import type { Design, Order, PrintOptions, Product } from '@btb/contracts';
import type { Ref } from 'react';
import { api } from '../../api/index.ts';
import { AuthImage } from '../auth-image.tsx';
import { DesignThumb } from '../design-card.tsx';
import { Card, CardContent } from '../ui/card.tsx';
import { PriceBreakdown } from './price-breakdown.tsx';

/** What is being ordered, on the chosen product, and once reviewed what it costs. */
export function OrderSummaryCard({
  design,
  product,
  productId,
  printOptions,
  size,
  color,
  quantity,
  order,
  summaryRef,
}: {
  design: Design;
  product: Product | undefined;
  productId: string;
  printOptions: PrintOptions;
  size: string;
  color: string;
  quantity: number;
  order: Order | null;
  summaryRef: Ref<HTMLHeadingElement>;
}) {
  return (
    <Card>
      <CardContent className="flex flex-col gap-4">
        <div className="flex gap-3">
          {productId ? (
            <AuthImage
              src={api.designs.mockupUrl(design.id, productId, printOptions, { color, size: 400 })}
              needsAuth={!design.isPublic}
              alt={`${design.title} on the ${product?.name ?? 'product'}`}
              className="h-20 w-20 shrink-0 rounded-xl bg-linen object-cover"
            />
          ) : (
            <DesignThumb design={design} className="h-20 w-20 shrink-0 rounded-xl object-cover" />
          )}
          <div className="min-w-0">
            <p className="truncate font-medium">{design.title}</p>
            <p className="text-sm text-ink-soft">
              {product?.name} · {size} · {color} × {quantity}
            </p>
          </div>
        </div>
        {order ? (
          <>
            <h2 ref={summaryRef} tabIndex={-1} className="text-sm font-semibold focus:outline-none">
              Order summary
            </h2>
            <PriceBreakdown order={order} />
          </>
        ) : (
          <p className="text-sm text-ink-soft">Shipping and tax are calculated when you review the order.</p>
        )}
      </CardContent>
    </Card>
  );
}
