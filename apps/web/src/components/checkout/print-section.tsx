import type { Design, PrintOptions, Product } from '@btb/contracts';
import { PrintChoice } from '../print-choice.tsx';
import { ProductFactsView } from '../product-facts.tsx';
import { Card, CardContent, CardHeader, CardTitle } from '../ui/card.tsx';
import { FieldError } from '../ui/input.tsx';
import type { ItemErrors } from './use-order-review.ts';

/** Where the print goes on the product (or how the pattern repeats), with what the server found wrong. */
export function PrintSection({
  design,
  product,
  printOptions,
  setPrintOptions,
  color,
  errors,
}: {
  design: Design;
  product: Product;
  printOptions: PrintOptions;
  setPrintOptions: (options: PrintOptions) => void;
  color: string;
  errors: ItemErrors;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Print</CardTitle>
      </CardHeader>
      <CardContent>
        <PrintChoice
          design={design}
          product={product}
          value={printOptions}
          onChange={setPrintOptions}
          color={color}
        />
        <FieldError>
          {errors.placement ||
            errors['placement.x'] ||
            errors['placement.y'] ||
            errors['placement.width'] ||
            errors.repeat}
        </FieldError>
      </CardContent>
    </Card>
  );
}

/** What the product is made of and where it ships from, for the chosen destination. */
export function ProductFactsSection({ product, country }: { product: Product; country: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>About the {product.name}</CardTitle>
      </CardHeader>
      <CardContent>
        <ProductFactsView product={product} country={country} />
      </CardContent>
    </Card>
  );
}
