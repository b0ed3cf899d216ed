import { useEffect, useMemo, useState } from 'react';
import { useDesign, useProducts } from '../../api/queries.ts';

/**
 * The design and catalogue behind checkout, and the variant the chosen product, size and colour
 * make: the product defaults to the design's garment, size and colour to the product's usual ones.
 */
export function useCheckoutProduct(designId: string, initialProductId: string) {
  const [productId, setProductId] = useState(initialProductId);
  const [size, setSize] = useState('');
  const [color, setColor] = useState('');
  const { data: design, error: designError } = useDesign(designId);
  const { data: products, error: productsError } = useProducts();

  useEffect(() => {
    if (!design || !products) return;
    setProductId((cur) =>
      cur && products.some((p) => p.id === cur)
        ? cur
        : ((products.find((p) => p.category === design.category) ?? products[0])?.id ?? ''),
    );
  }, [design, products]);

  const product = products?.find((p) => p.id === productId);
  const sizes = useMemo(() => [...new Set(product?.variants.map((v) => v.size) ?? [])], [product]);
  const colors = useMemo(
    () => [...new Map(product?.variants.map((v) => [v.color, v.colorHex]) ?? []).entries()],
    [product],
  );
  useEffect(() => {
    if (!product) return;
    setSize((s) => (sizes.includes(s) ? s : (sizes[Math.min(1, sizes.length - 1)] ?? '')));
    setColor((c) => (colors.some(([name]) => name === c) ? c : (colors[0]?.[0] ?? '')));
  }, [product, sizes, colors]);
  const variant =
    product?.variants.find((v) => v.size === size && v.color === color) ??
    product?.variants.find((v) => v.size === size);

  return {
    design: design ?? null,
    products: products ?? null,
    loadError: designError ?? productsError,
    product,
    productId,
    setProductId,
    size,
    setSize,
    color,
    setColor,
    sizes,
    colors,
    variant,
  };
}
