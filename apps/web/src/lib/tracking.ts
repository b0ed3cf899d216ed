/**
 * The carrier's own page for a parcel. A shipment's `trackingUrl` is whatever the manufacturer
 * sent, which may point at another carrier's site (or at none): the known carriers' pages are built
 * from the tracking number, anything else keeps the given link.
 */
const carriers: Array<{ match: RegExp; url: (n: string) => string }> = [
  { match: /\busps\b/i, url: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}` },
  { match: /\bups\b/i, url: (n) => `https://www.ups.com/track?tracknum=${n}` },
  { match: /fed\s*ex/i, url: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}` },
  { match: /\bdhl\b/i, url: (n) => `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${n}` },
  { match: /royal\s*mail/i, url: (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}` },
  {
    match: /canada\s*post/i,
    url: (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/details/${n}`,
  },
  { match: /australia\s*post|auspost/i, url: (n) => `https://auspost.com.au/mypost/track/details/${n}` },
];

export function trackingLink(tracking: {
  carrier?: string | null;
  trackingNumber: string;
  trackingUrl?: string | null;
}): string | null {
  const number = encodeURIComponent(tracking.trackingNumber.trim());
  const carrier = tracking.carrier;
  const known = carrier ? carriers.find((c) => c.match.test(carrier)) : undefined;
  if (known && number) return known.url(number);
  return tracking.trackingUrl && /^https:\/\//.test(tracking.trackingUrl) ? tracking.trackingUrl : null;
}
