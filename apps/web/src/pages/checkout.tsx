import type { Address, Design, Order, PaymentResult, PrintOptions, Product } from '@btb/contracts';
import { CheckCircle2, CreditCard, Lock, Package, XCircle } from 'lucide-react';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, api } from '../api/index.ts';
import { AuthImage } from '../components/auth-image.tsx';
import { DesignThumb } from '../components/design-card.tsx';
import { EmptyState, ErrorNote, PageHeader } from '../components/layout.tsx';
import { Button, ButtonLink } from '../components/ui/button.tsx';
import { Card, CardContent, CardHeader, CardTitle } from '../components/ui/card.tsx';
import { PrintChoice } from '../components/print-choice.tsx';
import { ProductFactsView } from '../components/product-facts.tsx';
import { Field, FieldError, Input, Select } from '../components/ui/input.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { cn } from '../lib/cn.ts';
import { countries } from '../lib/countries.ts';
import { formatMoney } from '../lib/format.ts';
import { useTitle } from '../lib/use-title.ts';
import { uuid } from '../lib/uuid.ts';
import { useAuth } from '../stores/auth.ts';

export const testCards = [
  { value: 'pm_card_visa', label: 'Visa •••• 4242 — succeeds' },
  { value: 'pm_card_chargeDeclined', label: 'Visa •••• 0002 — declined' },
  { value: 'pm_card_authenticationRequired', label: 'Visa •••• 3184 — authentication required' },
];

type AddressForm = Required<Pick<Address, 'name' | 'line1' | 'city' | 'postalCode' | 'country'>> & {
  line2: string;
  state: string;
  email: string;
};

export function PriceBreakdown({ order }: { order: Order }) {
  const rows = [
    ['Subtotal', order.subtotalCents],
    [`Shipping (${order.shippingMethod})`, order.shippingCents],
    ['Tax', order.taxCents],
  ] as const;
  return (
    <dl className="flex flex-col gap-2 text-sm" aria-label="Price breakdown">
      {rows.map(([label, cents]) => (
        <div key={label} className="flex justify-between">
          <dt className="text-ink-soft">{label}</dt>
          <dd className="tabular-nums">{formatMoney(cents, order.currency)}</dd>
        </div>
      ))}
      <div className="mt-1 flex justify-between border-t border-sand pt-3 text-base font-semibold">
        <dt>Total</dt>
        <dd className="tabular-nums" data-testid="order-total">
          {formatMoney(order.totalCents, order.currency)}
        </dd>
      </div>
    </dl>
  );
}

export function CheckoutPage() {
  useTitle('Checkout');
  const { designId = '' } = useParams();
  const [search] = useSearchParams();
  const user = useAuth((s) => s.user);
  const [design, setDesign] = useState<Design | null>(null);
  const [products, setProducts] = useState<Product[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [productId, setProductId] = useState(search.get('product') ?? '');
  const [size, setSize] = useState('');
  const [color, setColor] = useState('');
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
  const [card, setCard] = useState(testCards[0].value);
  const [paying, setPaying] = useState(false);
  const [payment, setPayment] = useState<PaymentResult['payment'] | null>(null);
  const idempotencyKey = useRef(uuid());
  const summaryRef = useRef<HTMLHeadingElement>(null);
  const asideRef = useRef<HTMLElement>(null);

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

  async function pay() {
    if (!order) return;
    setPaying(true);
    setPayment(null);
    try {
      const res = await api.orders.pay(order.id, card);
      setOrder(res.order);
      setPayment(res.payment);
    } catch (err) {
      setPayment({ status: 'failed', message: (err as Error).message });
    } finally {
      setPaying(false);
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
          <Card>
            <CardHeader>
              <CardTitle>1. Product</CardTitle>
            </CardHeader>
            <CardContent className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <Field label="Product" className="sm:col-span-2">
                {(p) => (
                  <Select
                    {...p}
                    name="product"
                    value={productId}
                    disabled={locked}
                    onChange={(e) => {
                      setProductId(e.target.value);
                      setPrintOptions({});
                    }}
                  >
                    {products.map((pr) => (
                      <option key={pr.id} value={pr.id}>
                        {pr.name} — from {formatMoney(pr.basePriceCents, pr.currency)}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label="Size" error={errors.variant || errors.variantId}>
                {(p) => (
                  <Select
                    {...p}
                    name="size"
                    value={size}
                    disabled={locked}
                    onChange={(e) => setSize(e.target.value)}
                  >
                    {sizes.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <fieldset>
                <legend className="mb-1.5 text-sm font-medium">
                  Base colour: <span className="font-normal text-ink-soft">{color}</span>
                </legend>
                <div className="flex flex-wrap gap-2">
                  {colors.map(([name, hex]) => (
                    <label key={name} className="cursor-pointer" title={name}>
                      <input
                        type="radio"
                        name="base-colour"
                        value={name}
                        checked={color === name}
                        disabled={locked}
                        onChange={() => setColor(name)}
                        className="peer sr-only"
                      />
                      <span
                        className="block h-9 w-9 rounded-full border border-black/15 dark:border-white/20 peer-checked:ring-2 peer-checked:ring-accent peer-checked:ring-offset-2 peer-focus-visible:outline-2 peer-focus-visible:outline-accent"
                        style={{ backgroundColor: hex }}
                      />
                      <span className="sr-only">{name}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              <Field label="Quantity" error={errors.quantity}>
                {(p) => (
                  <Input
                    {...p}
                    name="quantity"
                    type="number"
                    min={1}
                    max={100}
                    inputMode="numeric"
                    disabled={locked}
                    value={quantity}
                    onChange={(e) => setQuantity(Math.max(1, Math.min(100, Number(e.target.value) || 1)))}
                  />
                )}
              </Field>
              <div className="flex items-end text-sm text-ink-soft">
                {variant && (
                  <span>
                    {formatMoney(variant.priceCents, product?.currency)} each ·{' '}
                    <strong className="text-ink">
                      {formatMoney(variant.priceCents * quantity, product?.currency)}
                    </strong>
                  </span>
                )}
              </div>
            </CardContent>
          </Card>

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

          <Card>
            <CardHeader>
              <CardTitle>2. Shipping</CardTitle>
            </CardHeader>
            <CardContent className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <Field label="Full name" error={errors.name} className="sm:col-span-2">
                {(p) => (
                  <Input
                    {...p}
                    name="name"
                    autoComplete="name"
                    disabled={locked}
                    value={address.name}
                    onChange={setField('name')}
                  />
                )}
              </Field>
              <Field label="Address" error={errors.line1} className="sm:col-span-2">
                {(p) => (
                  <Input
                    {...p}
                    name="line1"
                    autoComplete="address-line1"
                    disabled={locked}
                    value={address.line1}
                    onChange={setField('line1')}
                  />
                )}
              </Field>
              <Field label="Apartment, suite (optional)" error={errors.line2} className="sm:col-span-2">
                {(p) => (
                  <Input
                    {...p}
                    name="line2"
                    autoComplete="address-line2"
                    disabled={locked}
                    value={address.line2}
                    onChange={setField('line2')}
                  />
                )}
              </Field>
              <Field label="City" error={errors.city}>
                {(p) => (
                  <Input
                    {...p}
                    name="city"
                    autoComplete="address-level2"
                    disabled={locked}
                    value={address.city}
                    onChange={setField('city')}
                  />
                )}
              </Field>
              <Field label="State / region (optional)" error={errors.state}>
                {(p) => (
                  <Input
                    {...p}
                    name="state"
                    autoComplete="address-level1"
                    disabled={locked}
                    value={address.state}
                    onChange={setField('state')}
                  />
                )}
              </Field>
              <Field label="Postal code" error={errors.postalCode}>
                {(p) => (
                  <Input
                    {...p}
                    name="postalCode"
                    autoComplete="postal-code"
                    disabled={locked}
                    value={address.postalCode}
                    onChange={setField('postalCode')}
                  />
                )}
              </Field>
              <Field label="Country" error={errors.country}>
                {(p) => (
                  <Select
                    {...p}
                    name="country"
                    autoComplete="country"
                    disabled={locked}
                    value={address.country}
                    onChange={setField('country')}
                  >
                    {countries.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name} ({c.code})
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label="Email for updates (optional)" error={errors.email} className="sm:col-span-2">
                {(p) => (
                  <Input
                    {...p}
                    name="email"
                    type="email"
                    autoComplete="email"
                    disabled={locked}
                    value={address.email}
                    onChange={setField('email')}
                  />
                )}
              </Field>
              <fieldset className="sm:col-span-2">
                <legend className="mb-2 text-sm font-medium">Shipping method</legend>
                <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
                  {(
                    [
                      ['standard', 'Standard', '5–8 business days'],
                      ['express', 'Express', '2–3 business days'],
                    ] as const
                  ).map(([value, label, hint]) => (
                    <label
                      key={value}
                      className={cn(
                        'flex cursor-pointer items-center gap-3 rounded-xl border bg-white dark:bg-linen px-4 py-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent',
                        shippingMethod === value ? 'border-ink' : 'border-sand',
                      )}
                    >
                      <input
                        type="radio"
                        name="shippingMethod"
                        value={value}
                        checked={shippingMethod === value}
                        disabled={locked}
                        onChange={() => setShippingMethod(value)}
                        className="accent-[var(--color-accent)]"
                      />
                      <span className="flex flex-col">
                        <span className="font-medium">{label}</span>
                        <span className="text-xs text-ink-soft">{hint}</span>
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </CardContent>
          </Card>
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
          <Card>
            <CardContent className="flex flex-col gap-4">
              <div className="flex gap-3">
                {productId ? (
                  <AuthImage
                    src={api.designs.mockupUrl(design.id, productId, printOptions)}
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
                <p className="text-sm text-ink-soft">
                  Shipping and tax are calculated when you review the order.
                </p>
              )}
            </CardContent>
          </Card>
          {order && (
            <Card>
              <CardHeader>
                <CardTitle>3. Payment</CardTitle>
              </CardHeader>
              <CardContent className="flex flex-col gap-4">
                {paid ? (
                  <div role="status" className="flex flex-col gap-3">
                    <p className="flex items-center gap-2 font-medium text-sage">
                      <CheckCircle2 aria-hidden className="h-5 w-5" /> Payment received
                    </p>
                    <p className="text-sm text-ink-soft">
                      We've sent your print to the studio. Follow it on its way to you.
                    </p>
                    <ButtonLink to={`/orders/${order.id}`}>Track your order</ButtonLink>
                  </div>
                ) : (
                  <>
                    <Field label="Test card">
                      {(p) => (
                        <Select {...p} name="card" value={card} onChange={(e) => setCard(e.target.value)}>
                          {testCards.map((c) => (
                            <option key={c.value} value={c.value}>
                              {c.label}
                            </option>
                          ))}
                        </Select>
                      )}
                    </Field>
                    {payment && payment.status !== 'succeeded' && (
                      <div
                        role="alert"
                        className="flex gap-2 rounded-xl border border-red-200 dark:border-red-900/60 bg-red-50 dark:bg-red-950/40 px-3 py-2 text-sm text-danger"
                      >
                        <XCircle aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
                        <span>
                          {payment.status === 'requires_action'
                            ? (payment.message ??
                              'Your bank asks for extra authentication. Try another card.')
                            : (payment.message ?? 'Your card was declined.')}{' '}
                          You can try again.
                        </span>
                      </div>
                    )}
                    <Button size="lg" variant="accent" onClick={pay} loading={paying}>
                      <CreditCard aria-hidden className="h-4 w-4" /> Pay{' '}
                      {formatMoney(order.totalCents, order.currency)}
                    </Button>
                  </>
                )}
              </CardContent>
            </Card>
          )}
        </aside>
      </div>
    </div>
  );
}
