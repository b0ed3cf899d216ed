import type { Design, Product } from '@btb/contracts';
import { Link } from 'react-router';
import { formatMoney } from '../../lib/format.ts';
import { ProductMockup } from '../product-mockup.tsx';
import { Card } from '../ui/card.tsx';
import { Skeleton } from '../ui/skeleton.tsx';

/** The design on every product of the catalogue, its own garment first, each with a link to order it. */
export function ProductMockups({ design, products }: { design: Design; products: Product[] | null }) {
  const relevant = products?.filter((p) => p.category === design.category) ?? [];
  const mockupProducts = products
    ? [...relevant, ...products.filter((p) => p.category !== design.category)]
    : [];
  return (
    <section aria-labelledby="mockups-h">
      <h2 id="mockups-h" className="mb-4 text-xl font-semibold">
        On our products
      </h2>
      {products === null ? (
        <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="aspect-square" />
          ))}
        </div>
      ) : mockupProducts.length === 0 ? (
        <p className="text-sm text-ink-soft">The product catalogue is not available right now.</p>
      ) : (
        <ul className="grid grid-cols-2 gap-4 md:grid-cols-4">
          {mockupProducts.map((p) => (
            <li key={p.id}>
              <Card className="overflow-hidden">
                <ProductMockup design={design} product={p} />
                <div className="flex flex-wrap items-end justify-between gap-x-2 gap-y-1 p-3">
                  <div className="min-w-0">
                    <p className="text-sm leading-snug font-medium text-balance">{p.name}</p>
                    <p className="text-xs text-ink-soft">from {formatMoney(p.basePriceCents, p.currency)}</p>
                  </div>
                  <Link
                    to={`/checkout/${design.id}?product=${encodeURIComponent(p.id)}`}
                    className="shrink-0 text-xs font-medium text-accent hover:underline"
                    aria-label={`Order on the ${p.name}`}
                  >
                    Order
                  </Link>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
