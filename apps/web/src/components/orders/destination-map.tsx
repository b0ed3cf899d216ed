/** Where an order goes: a Mapbox static map when a token is configured, the address alone otherwise. */
import type { Order } from '@btb/contracts';
import { MapPin } from 'lucide-react';
import { countries } from '../../lib/countries.ts';

export function DestinationMap({ order, mapboxToken }: { order: Order; mapboxToken: string | null }) {
  const a = order.shippingAddress;
  const country = countries.find((c) => c.code === a.country)?.name ?? a.country;
  const addressBlock = (
    <address className="text-sm not-italic leading-relaxed">
      {a.name}
      <br />
      {a.line1}
      {a.line2 && (
        <>
          <br />
          {a.line2}
        </>
      )}
      <br />
      {a.postalCode} {a.city}
      {a.state ? `, ${a.state}` : ''}
      <br />
      {country}
    </address>
  );
  if (mapboxToken && order.destination) {
    const { longitude, latitude } = order.destination;
    const src = `https://api.mapbox.com/styles/v1/mapbox/light-v11/static/pin-l+b9461b(${longitude},${latitude})/${longitude},${latitude},11,0/640x320@2x?access_token=${encodeURIComponent(mapboxToken)}`;
    return (
      <div className="flex flex-col gap-3">
        <img
          src={src}
          alt={`Map of the delivery address in ${a.city}, ${country}`}
          className="aspect-[2/1] w-full rounded-xl border border-sand object-cover"
        />
        {addressBlock}
      </div>
    );
  }
  return (
    <div className="flex gap-3 rounded-xl bg-linen p-4">
      <MapPin aria-hidden className="mt-0.5 h-5 w-5 shrink-0 text-accent" />
      {addressBlock}
    </div>
  );
}
