import type { Product } from '@btb/contracts';

const inches = (cm: number) => (cm / 2.54).toFixed(1);

/** Size chart (cm and inches), fabric, care and the delivery estimate for the destination. */
export function ProductFactsView({ product, country }: { product: Product; country: string }) {
  const facts = product.facts;
  if (!facts) return null;
  const shipping =
    facts.shippingDays.find((s) => s.countries.includes(country.toUpperCase())) ??
    facts.shippingDays.find((s) => s.countries.length === 0);
  return (
    <div className="flex flex-col gap-3 text-sm">
      {shipping && (
        <p data-testid="delivery-estimate">
          <strong>Delivery:</strong> made in {facts.productionDays.min}–{facts.productionDays.max} business
          days, then {shipping.days.min}–{shipping.days.max} days to {shipping.region} (standard shipping).
        </p>
      )}
      <p>
        <strong>Fabric:</strong> {facts.fabric}
      </p>
      <p>
        <strong>Care:</strong> {facts.care}
      </p>
      <details>
        <summary className="cursor-pointer font-medium">Size chart</summary>
        <table className="mt-2 w-full text-left tabular-nums">
          <caption className="sr-only">Measurements laid flat</caption>
          <thead className="text-ink-soft">
            <tr>
              <th scope="col">Size</th>
              <th scope="col">Width</th>
              <th scope="col">Length</th>
            </tr>
          </thead>
          <tbody>
            {facts.sizeChart.map((row) => (
              <tr key={row.size}>
                <th scope="row" className="font-medium">
                  {row.size}
                </th>
                <td>
                  {row.widthCm} cm · {inches(row.widthCm)} in
                </td>
                <td>
                  {row.lengthCm} cm · {inches(row.lengthCm)} in
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
