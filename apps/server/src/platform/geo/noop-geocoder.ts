import type { GeocodeResult, Geocoder, PostalAddress } from './geocoder.ts';

/** The embedded default: no lookup, no coordinates; addresses are taken as typed. */
export class NoopGeocoder implements Geocoder {
  async geocode(_address: PostalAddress): Promise<GeocodeResult | null> {
    return null;
  }
}
