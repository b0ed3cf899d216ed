import type { Order, PrintOptions } from '@btb/contracts';
import { Lock, Package } from 'lucide-react';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, api } from '../api/index.ts';
import { EmptyState, ErrorNote, PageHeader } from '../components/layout.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card, CardContent, CardHeader, CardTitle } from '../components/ui/card.tsx';
import { PrintChoice } from '../components/print-choice.tsx';
import { ProductFactsView } from '../components/product-facts.tsx';
import { FieldError } from '../components/ui/input.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { useTitle } from '../lib/use-title.ts';
import { uuid } from '../lib/uuid.ts';
import { useAuth } from '../stores/auth.ts';
import { PaymentCard } from '../components/checkout/payment-card.tsx';
import { ProductSection } from '../components/checkout/product-section.tsx';
import { type AddressForm, ShippingSection } from '../components/checkout/shipping-section.tsx';
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
  const [shippingMethod, setShippingMethod] = useState<'standard' | 'express'>('standard');
  const [address, setAddress] = useState<AddressForm>({
    name: user?.name ?? '',
    line1: '',
    line2: '',
    city: '',
    state: '',
    postalCode: '',
    country: 'US',
    email: user?.email ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [order, setOrder] = useState<Order | null>(null);
  const { card, setCard, paying, payment, setPayment, pay } = usePayment(order, setOrder);
  const idempotencyKey = useRef(uuid());
  const summaryRef = useRef<HTMLHeadingElement>(null);
  const asideRef = useRef<HTMLElement>(null);

  // A changed form is a new checkout attempt; a resubmitted identical one reuses its key.
  const formKey = JSON.stringify([productId, variant?.id, quantity, printOptions, shippingMethod, address]);
  const lastKey = useRef(formKey);
  if (lastKey.current !== formKey) {
    lastKey.current = formKey;
    idempotencyKey.current = uuid();
  }

  const setField = (k: keyof AddressForm) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setAddress((a) => ({ ...a, [k]: e.target.value }));
    if (errors[k]) setErrors((x) => ({ ...x, [k]: '' }));
  };

  async function createOrder(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const local: Record<string, string> = {};
    for (const k of ['name', 'line1', 'city', 'postalCode', 'country'] as const) {
      if (!address[k].trim()) local[k] = 'This field is required.';
    }
    if (!variant) local.variant = 'Choose a size and colour.';
    setErrors(local);
    if (Object.keys(local).length) {
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setCreating(true);
    try {
      const created = await api.orders.create(
        {
          items: [{ designId, productId, variantId: variant!.id, quantity, ...printOptions }],
          shippingMethod,
          shippingAddress: {
            name: address.name.trim(),
            line1: address.line1.trim(),
            line2: address.line2.trim() || undefined,
            city: address.city.trim(),
            state: address.state.trim() || undefined,
            postalCode: address.postalCode.trim(),
            country: address.country,
            email: address.email.trim() || undefined,
          },
        },
        idempotencyKey.current,
      );
      setOrder(created);
      setPayment(null);
      requestAnimationFrame(() => {
        // In one column the summary and Pay sit under the form: bring them up, not just the focus.
        if (window.matchMedia('(max-width: 1023px)').matches)
          asideRef.current?.scrollIntoView({ block: 'start' });
        summaryRef.current?.focus({ preventScroll: true });
      });
    } catch (err) {
      if (err instanceof ApiError && err.details.length) {
        const fe = err.fieldErrors();
        const mapped: Record<string, string> = {};
        for (const [path, msg] of Object.entries(fe)) {
          const k = path.replace(/^shippingAddress\./, '').replace(/^items\.\d+\./, '');
          mapped[k] = msg.charAt(0).toUpperCase() + msg.slice(1);
        }
        setErrors(mapped);
        setFormError(new Error('Please check the highlighted fields.'));
      } else setFormError(err);
    } finally {
      setCreating(false);
    }
  }

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
        <form onSubmit={createOrder} noValidate className="flex flex-col gap-6" aria-label="Order details">
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
            errors={errors}
            variant={variant}
            product={product}
          />

          {product && !locked && (
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
          )}

          {product?.facts && (
            <Card>
              <CardHeader>
                <CardTitle>About the {product.name}</CardTitle>
              </CardHeader>
              <CardContent>
                <ProductFactsView product={product} country={address.country} />
              </CardContent>
            </Card>
          )}

          <ShippingSection
            address={address}
            errors={errors}
            locked={locked}
            setField={setField}
            shippingMethod={shippingMethod}
            setShippingMethod={setShippingMethod}
          />
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
