import type { Order, PaymentResult } from '@btb/contracts';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, signInAs } from '../test/helpers.tsx';
import { OrderCheckoutPage } from './order-checkout.tsx';

const orderId = '00000000-0000-4000-8000-0000000000cc';

const order = (status: Order['status']): Order => ({
  id: orderId,
  userId: '00000000-0000-4000-8000-000000000001',
  status,
  items: [
    {
      designId: '00000000-0000-4000-8000-0000000000bb',
      designTitle: 'Lemon grove',
      thumbnailUrl: null,
      productId: 'tote-aop',
      productName: 'Tote bag',
      variantId: 'tote-aop-one',
      variantName: 'One size',
      quantity: 1,
      unitPriceCents: 2400,
      printFileUrl: null,
    },
  ],
  currency: 'usd',
  subtotalCents: 2400,
  shippingCents: 499,
  taxCents: 0,
  totalCents: 2899,
  shippingMethod: 'standard',
  shippingAddress: {
    name: 'Ada',
    line1: '1 Main St',
    city: 'Springfield',
    postalCode: '12345',
    country: 'US',
  },
  destination: null,
  tracking: null,
  failureReason: null,
  history: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

function renderAt(url: string) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route path="/orders/:id/checkout" element={<OrderCheckoutPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

function serve(confirm: PaymentResult) {
  const fetch = vi.fn(async (url: string, _init?: RequestInit) => {
    if (String(url).endsWith('/pay/confirm')) return json(200, confirm);
    if (String(url).endsWith('/pay'))
      return json(200, { order: order('paid'), payment: { status: 'succeeded' } } satisfies PaymentResult);
    return json(200, order('pending_payment'));
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

beforeEach(() => signInAs());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('back from the bank (3-D Secure)', () => {
  it('confirms the payment it came back with and shows it received', async () => {
    const fetch = serve({ order: order('paid'), payment: { status: 'succeeded' } });
    renderAt(`/orders/${orderId}/checkout?payment_intent=pi_test_1&redirect_status=succeeded`);
    expect(screen.getByText('Checking with your bank…')).toBeTruthy();
    await screen.findByText('Payment received');
    const [url, init] = fetch.mock.calls.find(([u]) => String(u).endsWith('/pay/confirm')) ?? [];
    expect(url).toBe(`/api/orders/${orderId}/pay/confirm`);
    expect(JSON.parse(String(init?.body))).toEqual({ paymentIntent: 'pi_test_1' });
    expect(screen.getByRole('link', { name: 'Track your order' }).getAttribute('href')).toBe(
      `/orders/${orderId}`,
    );
  });

  it('a failed authentication shows why, and paying with another card pays the same order', async () => {
    const fetch = serve({
      order: order('payment_failed'),
      payment: { status: 'failed', message: 'We are unable to authenticate your payment method.' },
    });
    renderAt(`/orders/${orderId}/checkout?payment_intent=pi_test_2&redirect_status=failed`);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('We are unable to authenticate your payment method.');
    fireEvent.click(screen.getByRole('button', { name: /^Pay \$28\.99/ }));
    await screen.findByText('Payment received');
    const paid = fetch.mock.calls.find(([u]) => String(u).endsWith(`/api/orders/${orderId}/pay`));
    expect(JSON.parse(String(paid?.[1]?.body))).toEqual({ paymentMethod: 'pm_card_visa' });
  });

  it('a card that needs the bank offers the step to it, or another card', async () => {
    serve({
      order: order('pending_payment'),
      payment: {
        status: 'requires_action',
        message: 'Your bank asks you to confirm this payment',
        nextAction: { type: 'redirect_to_url', url: '/api/payments/test-bank/pi_test_3?return_url=x' },
      },
    });
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    renderAt(`/orders/${orderId}/checkout?payment_intent=pi_test_3`);
    await screen.findByText(/Your bank needs you to confirm this payment/);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm with your bank' }));
    expect(assign).toHaveBeenCalledWith('/api/payments/test-bank/pi_test_3?return_url=x');
    fireEvent.click(screen.getByRole('button', { name: 'Pay with another card' }));
    await waitFor(() => expect(screen.getByLabelText('Test card')).toBeTruthy());
  });
});
