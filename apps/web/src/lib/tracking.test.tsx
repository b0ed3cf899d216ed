import { describe, expect, it } from 'vitest';
import { trackingLink } from './tracking.ts';

describe('trackingLink', () => {
  it("points at the named carrier's own page, whatever link came with the shipment", () => {
    const usps = 'https://tools.usps.com/go/TrackConfirmAction?tLabels=1Z999';
    expect(trackingLink({ carrier: 'UPS', trackingNumber: '1Z999', trackingUrl: usps })).toBe(
      'https://www.ups.com/track?tracknum=1Z999',
    );
    expect(trackingLink({ carrier: 'FedEx Ground', trackingNumber: '7946' })).toContain('fedex.com');
    expect(trackingLink({ carrier: 'DHL Express', trackingNumber: 'JD01' })).toContain('tracking-id=JD01');
    expect(trackingLink({ carrier: 'USPS', trackingNumber: '9400 1' })).toBe(
      'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400%201',
    );
  });

  it('keeps the given https link for a carrier it does not know, and offers none for anything else', () => {
    expect(
      trackingLink({ carrier: 'PostNord', trackingNumber: 'X1', trackingUrl: 'https://postnord.example/X1' }),
    ).toBe('https://postnord.example/X1');
    expect(
      trackingLink({ carrier: 'PostNord', trackingNumber: 'X1', trackingUrl: 'javascript:alert(1)' }),
    ).toBeNull();
    expect(trackingLink({ carrier: null, trackingNumber: 'X1' })).toBeNull();
  });
});
