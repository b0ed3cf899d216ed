import type { PrintOptions } from '@btb/contracts';
import { Lock, Package } from 'lucide-react';
import { useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/index.ts';
import { EmptyState, ErrorNote, PageHeader } from '../components/layout.tsx';
import { Button } from '../components/ui/button.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { useTitle } from '../lib/use-title.ts';
import { useAuth } from '../stores/auth.ts';
import { PaymentCard } from '../components/checkout/payment-card.tsx';
import { PrintSection, ProductFactsSection } from '../components/checkout/print-section.tsx';
import { ProductSection } from '../components/checkout/product-section.tsx';
import { useShippingForm } from '../components/checkout/shipping-form.ts';
import { ShippingSection } from '../components/checkout/shipping-section.tsx';
import { useOrderReview } from '../components/checkout/use-order-review.ts';
import { useCheckoutProduct } from '../components/checkout/use-checkout-product.ts';
import { OrderSummaryCard } from '../components/checkout/order-summary-card.tsx';
import { usePayment } from '../components/checkout/use-payment.ts';

export function CheckoutPage() {
  useTitle('Checkout');
  const { designId = '' } = useParams();
  const [search] = useSearchParams();
  const user = useAuth((s) => s.user);
  const {
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
  } = useCheckoutProduct(designId, search.get('product') ?? '');
  const [quantity, setQuantity] = useState(1);
  const [printOptions, setPrintOptions] = useState<PrintOptions>({});
  const shipping = useShippingForm(user);
  const address = useWatch({ control: shipping.control });
  const summaryRef = useRef<HTMLHeadingElement>(null);
  const asideRef = useRef<HTMLElement>(null);
  const { order, setOrder, itemErrors, formError, creating, submit } = useOrderReview({
    shipping,
    item: variant ? { designId, productId, variantId: variant.id, quantity, ...printOptions } : null,
    // A changed form is a new checkout attempt; a resubmitted identical one reuses its key.
    formKey: JSON.stringify([productId, variant?.id, quantity, printOptions, address]),
    onCreated: () => setPayment(null),
    asideRef,
    summaryRef,
  });
  const { card, setCard, paying, payment, setPayment, pay } = usePayment(order, setOrder);

  if (loadError) {
    if (loadError instanceof ApiError && loadError.notFound)
      return (
        <EmptyState page title="Design not found">
          It may be private or deleted.
        </EmptyState>
      );
    return <ErrorNote error={loadError} />;
  }
  if (!design || !products) {
    return (
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_22rem]" aria-busy="true">
        <Skeleton className="h-[36rem]" />
        <Skeleton className="h-72" />
      </div>
    );
  }
  if (design.status !== 'ready') {
    return (
      <EmptyState page title="This design is still being made">
        Come back when it's ready.{' '}
        <Link to={`/designs/${design.id}`} className="text-accent underline">
          See progress
        </Link>
      </EmptyState>
    );
  }

  const paid =
    payment?.status === 'succeeded' &&
    order &&
    order.status !== 'pending_payment' &&
    order.status !== 'payment_failed';
  const locked = Boolean(order);

  return (
    <div>
      <PageHeader
        title="Checkout"
        subtitle={
          <>
            Printed on demand and shipped in a box. <Lock aria-hidden className="inline h-3.5 w-3.5" /> Test
            payments only.
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <form onSubmit={submit} noValidate className="flex flex-col gap-6" aria-label="Order details">
          <ProductSection
            products={products}
            productId={productId}
            setProductId={setProductId}
            setPrintOptions={setPrintOptions}
            sizes={sizes}
            size={size}
            setSize={setSize}
            colors={colors}
            color={color}
            setColor={setColor}
            quantity={quantity}
            setQuantity={setQuantity}
            locked={locked}
            errors={itemErrors}
            variant={variant}
            product={product}
          />

          {product && !locked && (
            <PrintSection
              design={design}
              product={product}
              printOptions={printOptions}
              setPrintOptions={setPrintOptions}
              color={color}
              errors={itemErrors}
            />
          )}
          {product?.facts && <ProductFactsSection product={product} country={address.country ?? 'US'} />}

          <ShippingSection form={shipping} locked={locked} />
          {formError ? <ErrorNote error={formError} /> : null}
          {!order && (
            <Button type="submit" size="lg" loading={creating} className="self-start">
              <Package aria-hidden className="h-4 w-4" /> Review order
            </Button>
          )}
          {order && !paid && (
            <Button variant="ghost" className="self-start" onClick={() => setOrder(null)}>
              Change details
            </Button>
          )}
        </form>

        <aside ref={asideRef} className="flex scroll-mt-20 flex-col gap-4 lg:sticky lg:top-24 lg:self-start">
          <OrderSummaryCard
            design={design}
            product={product}
            productId={productId}
            printOptions={printOptions}
            size={size}
            color={color}
            quantity={quantity}
            order={order}
            summaryRef={summaryRef}
          />
          {order && (
            <PaymentCard
              order={order}
              paid={Boolean(paid)}
              card={card}
              setCard={setCard}
              payment={payment}
              pay={pay}
              paying={paying}
              onAnotherCard={() => setPayment(null)}
            />
          )}
        </aside>
      </div>
    </div>
  );
}
