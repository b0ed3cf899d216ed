import type { CreateOrderBody, Order } from '@btb/contracts';
import { type RefObject, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { UseFormReturn } from 'react-hook-form';
import { ApiError } from '../../api/index.ts';
import { useCreateOrder } from '../../api/mutations.ts';
import { fieldMessages, showApiFieldErrors } from '../../lib/form-errors.ts';
import { uuid } from '../../lib/uuid.ts';
import { type ShippingPart, type ShippingValues, shippingLabels, shippingPaths } from './shipping-form.ts';

/** The item's fields that can be wrong, by their path under `items.N.`; messages read on their own. */
const itemLabels = {
  variant: '',
  variantId: '',
  quantity: '',
  placement: '',
  'placement.x': '',
  'placement.y': '',
  'placement.width': '',
  repeat: '',
};
export type ItemErrors = Partial<Record<keyof typeof itemLabels, string>>;

/**
 * Turning the checkout form into an order to pay: the shipping step is checked by its form, the
 * item here; a resubmitted identical form reuses its idempotency key, a changed one is a new attempt.
 */
export function useOrderReview({
  shipping,
  item,
  formKey,
  onCreated,
  asideRef,
  summaryRef,
}: {
  shipping: UseFormReturn<ShippingValues, unknown, ShippingPart>;
  /** The order's item, or null while no variant is chosen. */
  item: CreateOrderBody['items'][number] | null;
  formKey: string;
  onCreated: () => void;
  asideRef: RefObject<HTMLElement | null>;
  summaryRef: RefObject<HTMLHeadingElement | null>;
}) {
  const [order, setOrder] = useState<Order | null>(null);
  const [itemErrors, setItemErrors] = useState<ItemErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const create = useCreateOrder();
  const idempotencyKey = useRef(uuid());
  const lastKey = useRef(formKey);
  if (lastKey.current !== formKey) {
    lastKey.current = formKey;
    idempotencyKey.current = uuid();
  }

  async function send(shippingPart: ShippingPart) {
    if (!item) return;
    try {
      const created = await create.mutateAsync({
        body: { items: [item], ...shippingPart },
        idempotencyKey: idempotencyKey.current,
      });
      // Rendered now, so the summary and Pay are in the page before it scrolls to them.
      flushSync(() => {
        setOrder(created);
        onCreated();
      });
      const bringUp = () => {
        // In one column the summary and Pay sit under the form: bring them up, not just the focus.
        if (window.matchMedia('(max-width: 1023px)').matches)
          asideRef.current?.scrollIntoView({ block: 'start' });
      };
      bringUp();
      summaryRef.current?.focus({ preventScroll: true });
      // Once more after the next paint, should the form above have changed height meanwhile.
      requestAnimationFrame(bringUp);
    } catch (err) {
      if (err instanceof ApiError && err.details.length) {
        showApiFieldErrors(err, shipping.setError, shippingLabels, { strip: shippingPaths });
        setItemErrors(fieldMessages(err.details, itemLabels, { strip: /^items\.\d+\./ }));
        setFormError(new Error('Please check the highlighted fields.'));
      } else setFormError(err);
    }
  }

  const submit = (e: React.FormEvent) => {
    setFormError(null);
    const missingVariant: ItemErrors = item ? {} : { variant: 'Choose a size and colour.' };
    setItemErrors(missingVariant);
    const focusFirstInvalid = () =>
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    void shipping.handleSubmit(
      (part) => (item ? send(part) : focusFirstInvalid()),
      () => focusFirstInvalid(),
    )(e);
  };

  return { order, setOrder, itemErrors, formError, creating: create.isPending, submit };
}
