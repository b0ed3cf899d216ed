import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OrderTimeline } from './order-timeline.tsx';

afterEach(cleanup);

describe('order timeline', () => {
  it('renders every recorded transition with its time and reason, then the steps ahead', () => {
    render(
      <OrderTimeline
        status="in_production"
        history={[
          { from: null, to: 'pending_payment', at: '2026-03-01T10:00:00.000Z', reason: 'order created' },
          {
            from: 'pending_payment',
            to: 'paid',
            at: '2026-03-01T10:01:00.000Z',
            reason: 'payment succeeded',
          },
          { from: 'paid', to: 'submitted', at: '2026-03-01T10:02:00.000Z', reason: 'sent to printer' },
          { from: 'submitted', to: 'in_production', at: '2026-03-01T11:00:00.000Z', reason: 'printing' },
        ]}
      />,
    );
    const list = screen.getByRole('list', { name: 'Order status history' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('span.text-sm')?.textContent)).toEqual([
      'Awaiting payment',
      'Paid',
      'Sent to the print studio',
      'In production (current)',
      'Shipped',
      'Delivered',
    ]);
    expect(items[1].textContent).toContain('payment succeeded');
    expect(items[3].querySelector('time')?.getAttribute('dateTime')).toBe('2026-03-01T11:00:00.000Z');
    expect(items[4].querySelector('time')).toBeNull();
  });

  it('ends at an exit status without future steps', () => {
    render(
      <OrderTimeline
        status="payment_failed"
        history={[
          { from: null, to: 'pending_payment', at: '2026-03-01T10:00:00.000Z', reason: 'order created' },
          {
            from: 'pending_payment',
            to: 'payment_failed',
            at: '2026-03-01T10:01:00.000Z',
            reason: 'card declined',
          },
        ]}
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[1].textContent).toContain('Payment failed');
    expect(items[1].textContent).toContain('card declined');
  });
});
