import type { Design, Product } from '@btb/contracts';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/index.ts';

/**
 * The design and catalogue behind checkout, and the variant the chosen product, size and colour
 * make: the product defaults to the design's garment, size and colour to the product's usual ones.
 */
export function useCheckoutProduct(designId: string, initialProductId: string) {
  const [productId, setProductId] = useState(initialProductId);
  const [size, setSize] = useState('');
  const [color, setColor] = useState('');
  const [design, setDesign] = useState<Design | null>(null);
  const [products, setProducts] = useState<Product[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    Promise.all([api.designs.get(designId), api.catalog.products()]).then(([d, ps]) => {
      setDesign(d);
      setProducts(ps);
      setProductId((cur) =>
        cur && ps.some((p) => p.id === cur)
          ? cur
          : ((ps.find((p) => p.category === d.category) ?? ps[0])?.id ?? ''),
      );
    }, setLoadError);
  }, [designId]);

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
    design,
    products,
    loadError,
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
