export interface PostalAddress {
  line1: string;
  line2?: string;
  city: string;
  state?: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
}

export type GeocodeConfidence = 'exact' | 'high' | 'medium' | 'low';

export interface GeocodeResult {
  /** The address as the geocoder knows it (spelling, postcode, state code corrected). */
  normalized: PostalAddress;
  longitude: number;
  latitude: number;
  confidence: GeocodeConfidence;
}

/** Address lookup. Null when the address cannot be located; then it is used as typed. */
export interface Geocoder {
  geocode(address: PostalAddress): Promise<GeocodeResult | null>;
}
