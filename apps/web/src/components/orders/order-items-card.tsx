import type { Order } from '@btb/contracts';
import { Link } from 'react-router';
import { formatMoney } from '../../lib/format.ts';
import { PriceBreakdown } from '../checkout/price-breakdown.tsx';
import { Card, CardContent, CardHeader, CardTitle } from '../ui/card.tsx';

/**
 * What was ordered, each with its print's placement or repeat, and what it all cost. `brief` (at
 * checkout) names each design without linking away and leaves out the print details.
 */
export function OrderItemsCard({
  order,
  title = 'Items',
  brief = false,
}: {
  order: Order;
  title?: string;
  brief?: boolean;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <ul className="flex flex-col gap-3">
          {order.items.map((i) => (
            <li key={`${i.designId}-${i.variantId}`} className="flex gap-3">
              {i.thumbnailUrl ? (
                <img src={i.thumbnailUrl} alt="" className="h-14 w-14 rounded-xl object-cover" />
              ) : (
                <div className="h-14 w-14 rounded-xl bg-linen" />
              )}
              <div className="min-w-0 flex-1 text-sm">
                {brief ? (
                  <p className="truncate font-medium">{i.designTitle}</p>
                ) : (
                  <Link to={`/designs/${i.designId}`} className="font-medium hover:underline">
                    {i.designTitle}
                  </Link>
                )}
                <p className="text-ink-soft">
                  {i.productName} · {i.variantName} × {i.quantity}
                </p>
                {!brief && i.placement && (
                  <p className="text-xs text-ink-soft" data-testid="item-placement">
                    Print {Math.round(i.placement.width)} px wide at {Math.round(i.placement.x)},{' '}
                    {Math.round(i.placement.y)} px in the print area
                  </p>
                )}
                {!brief && i.repeat && (
                  <p className="text-xs text-ink-soft" data-testid="item-repeat">
                    Pattern at {i.repeat.scale}%, turned {i.repeat.rotation}°
                  </p>
                )}
              </div>
              <span className="text-sm tabular-nums">
                {formatMoney(i.unitPriceCents * i.quantity, order.currency)}
              </span>
            </li>
          ))}
        </ul>
        <PriceBreakdown order={order} />
      </CardContent>
    </Card>
  );
}
