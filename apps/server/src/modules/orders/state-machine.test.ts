import { type OrderStatus, orderStatuses } from '@btb/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { allowedTransitions, canTransition, transition } from './state-machine.ts';

const legal: [OrderStatus, OrderStatus][] = [
  ['pending_payment', 'paid'],
  ['pending_payment', 'payment_failed'],
  ['pending_payment', 'cancelled'],
  ['payment_failed', 'paid'],
  ['payment_failed', 'payment_failed'],
  ['payment_failed', 'cancelled'],
  ['paid', 'submitted'],
  ['paid', 'cancelled'],
  ['paid', 'fulfillment_failed'],
  ['submitted', 'in_production'],
  ['submitted', 'cancelled'],
  ['submitted', 'fulfillment_failed'],
  ['in_production', 'shipped'],
  ['in_production', 'cancelled'],
  ['in_production', 'fulfillment_failed'],
  ['shipped', 'delivered'],
  ['fulfillment_failed', 'paid'],
  ['fulfillment_failed', 'cancelled'],
];

describe('order state machine', () => {
  it.each(legal)('%s → %s is allowed', (from, to) => {
    expect(transition(from, to)).toBe(to);
  });

  it('allows exactly the listed transitions', () => {
    const all = orderStatuses.flatMap((from) => orderStatuses.map((to) => [from, to] as const));
    const allowed = all.filter(([from, to]) => canTransition(from, to));
    expect(allowed.map((p) => p.join('→')).sort()).toEqual(legal.map((p) => p.join('→')).sort());
    expect(Object.keys(allowedTransitions).sort()).toEqual([...orderStatuses].sort());
  });

  it.each([
    ['pending_payment', 'submitted'],
    ['pending_payment', 'shipped'],
    ['paid', 'paid'],
    ['paid', 'delivered'],
    ['submitted', 'shipped'],
    ['shipped', 'cancelled'],
    ['delivered', 'cancelled'],
    ['delivered', 'paid'],
    ['cancelled', 'paid'],
    ['cancelled', 'pending_payment'],
  ] as [OrderStatus, OrderStatus][])('%s → %s is a 422 invalid_state', (from, to) => {
    let error: unknown;
    try {
      transition(from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'invalid_state', status: 422 });
  });

  it('delivered and cancelled are final', () => {
    expect(allowedTransitions.delivered).toEqual([]);
    expect(allowedTransitions.cancelled).toEqual([]);
  });
});
