import { createHash } from 'node:crypto';
import {
  type FulfillmentAddress,
  FulfillmentError,
  type FulfillmentItem,
  type FulfillmentOrder,
  type FulfillmentProvider,
  type FulfillmentUpdate,
  type Shipment,
  type ShippingRate,
  type SubmittedOrder,
} from './fulfillment-provider.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The simulator's order id for an external id: the same every time, on every instance. */
export const simulatedOrderId = (externalId: string) =>
  `sim_${digest(`order:${externalId}`).toString('hex').slice(0, 16)}`;

/** A USPS-style 22-digit tracking number derived from the external id. */
export function simulatedTrackingNumber(externalId: string): string {
  const bytes = digest(`tracking:${externalId}`);
  let digits = '9400';
  for (let i = 0; digits.length < 22; i++) digits += String(bytes[i % bytes.length]! % 10);
  return digits;
}

/**
 * Where a simulated order stands at `now`, purely from when it was submitted: one step in
 * production, two shipped, three delivered. Pure, so a restarted server (a new simulator
 * instance) advances an order from its stored submission time.
 */
export function simulatedStatusAt(
  submittedAt: Date,
  now: Date,
  stepMs: number,
  externalId: string,
): FulfillmentUpdate | null {
  const elapsed = now.getTime() - submittedAt.getTime();
  if (elapsed < 0) return null;
  const steps = stepMs <= 0 ? 3 : Math.floor(elapsed / stepMs);
  if (steps < 1) return null;
  if (steps === 1) return { kind: 'in_production', externalId };
  if (steps >= 3) return { kind: 'delivered', externalId };
  const trackingNumber = simulatedTrackingNumber(externalId);
  return {
    kind: 'shipped',
    externalId,
    shipment: {
      carrier: 'USPS',
      service: 'USPS Ground Advantage',
      trackingNumber,
      trackingUrl: `https://tools.usps.com/go/TrackConfirmAction?tLabels=${trackingNumber}`,
      shippedAt: new Date(submittedAt.getTime() + 2 * Math.max(stepMs, 0)).toISOString(),
    },
  };
}

interface RateCard {
  standard: number;
  express: number;
  perExtraItem: number;
  standardDays: [number, number];
  expressDays: [number, number];
}

const DOMESTIC: RateCard = {
  standard: 499,
  express: 1499,
  perExtraItem: 200,
  standardDays: [3, 5],
  expressDays: [1, 2],
};
const NEIGHBOURS: RateCard = {
  standard: 999,
  express: 2499,
  perExtraItem: 300,
  standardDays: [5, 10],
  expressDays: [2, 4],
};
const WORLDWIDE: RateCard = {
  standard: 1299,
  express: 3499,
  perExtraItem: 400,
  standardDays: [10, 20],
  expressDays: [3, 6],
};

function rateCard(country: string): RateCard {
  const c = country.toUpperCase();
  if (c === 'US') return DOMESTIC;
  if (c === 'CA' || c === 'MX') return NEIGHBOURS;
  return WORLDWIDE;
}

interface SimulatedOrder {
  /** Absent for orders restored from a stored submission time. */
  order?: FulfillmentOrder;
  submittedAt: Date;
  cancelledAt?: Date;
}

export interface FulfillmentSimulatorOptions {
  /** Time per production step (SIMULATOR_STEP_MS). */
  stepMs: number;
  now?: () => Date;
  /**
   * When the orders module submitted an order, for orders this instance has not seen (after a
   * restart): the simulator then advances them from that time.
   */
  submittedAtOf?: (externalId: string) => Promise<Date | null | undefined>;
}

/** The built-in manufacturer: accepts every order and walks it to the door on a clock. */
export class FulfillmentSimulator implements FulfillmentProvider {
  readonly name = 'simulator' as const;
  readonly label = 'the print shop';
  private readonly orders = new Map<string, SimulatedOrder>();
  private readonly now: () => Date;

  constructor(private readonly options: FulfillmentSimulatorOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async submit(order: FulfillmentOrder): Promise<SubmittedOrder> {
    if (order.items.length === 0) throw new FulfillmentError('An order needs at least one item', false);
    if (!this.orders.has(order.externalId)) {
      this.orders.set(order.externalId, { order: structuredClone(order), submittedAt: this.now() });
    }
    return { providerOrderId: simulatedOrderId(order.externalId), status: 'pending' };
  }

  async cancel(externalId: string): Promise<void> {
    const known = await this.find(externalId);
    if (!known || known.cancelledAt) return;
    const state = simulatedStatusAt(known.submittedAt, this.now(), this.options.stepMs, externalId);
    if (state)
      throw new FulfillmentError(`Order ${externalId} is already ${state.kind.replace('_', ' ')}`, false);
    known.cancelledAt = this.now();
  }

  async estimateShipping(recipient: FulfillmentAddress, items: FulfillmentItem[]): Promise<ShippingRate[]> {
    const card = rateCard(recipient.country);
    const extra = Math.max(0, items.reduce((n, i) => n + i.quantity, 0) - 1) * card.perExtraItem;
    return [
      {
        id: 'STANDARD',
        name: `Flat Rate (${card.standardDays[0]}-${card.standardDays[1]} business days)`,
        rateCents: card.standard + extra,
        currency: 'USD',
        minDeliveryDays: card.standardDays[0],
        maxDeliveryDays: card.standardDays[1],
      },
      {
        id: 'EXPRESS',
        name: `Express (${card.expressDays[0]}-${card.expressDays[1]} business days)`,
        rateCents: card.express + extra,
        currency: 'USD',
        minDeliveryDays: card.expressDays[0],
        maxDeliveryDays: card.expressDays[1],
      },
    ];
  }

  async poll(externalId: string): Promise<FulfillmentUpdate | null> {
    const known = await this.find(externalId);
    if (!known) return null;
    if (known.cancelledAt) return { kind: 'cancelled', externalId, reason: 'Cancelled before production' };
    return simulatedStatusAt(known.submittedAt, this.now(), this.options.stepMs, externalId);
  }

  /** The parcel as it leaves: the simulated shipment two steps after submission. */
  async getShipment(externalId: string): Promise<Shipment | undefined> {
    const known = await this.find(externalId);
    if (!known) return undefined;
    const step = Math.max(1, this.options.stepMs);
    const shipped = simulatedStatusAt(
      known.submittedAt,
      new Date(known.submittedAt.getTime() + 2 * step),
      step,
      externalId,
    );
    return shipped?.kind === 'shipped' ? shipped.shipment : undefined;
  }

  close(): void {}

  private async find(externalId: string): Promise<SimulatedOrder | undefined> {
    const known = this.orders.get(externalId);
    if (known) return known;
    const submittedAt = await this.options.submittedAtOf?.(externalId);
    if (!submittedAt) return undefined;
    const restored: SimulatedOrder = { submittedAt };
    this.orders.set(externalId, restored);
    return restored;
  }
}
