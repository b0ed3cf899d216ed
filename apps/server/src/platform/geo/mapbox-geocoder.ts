import type { GeocodeConfidence, GeocodeResult, Geocoder, PostalAddress } from './geocoder.ts';

export interface MapboxGeocoderOptions {
  accessToken: string;
  /** Default https://api.mapbox.com */
  baseUrl?: string;
  /** Permanent geocoding: required by Mapbox's terms when results are stored. Default false. */
  permanent?: boolean;
  timeoutMs?: number;
}

/** The parts of a Geocoding v6 feature we read. */
interface MapboxFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    feature_type?: string;
    name?: string;
    full_address?: string;
    coordinates?: { longitude: number; latitude: number };
    context?: {
      address?: { name?: string; address_number?: string; street_name?: string };
      street?: { name?: string };
      postcode?: { name?: string };
      place?: { name?: string };
      locality?: { name?: string };
      region?: { name?: string; region_code?: string };
      country?: { name?: string; country_code?: string };
    };
    match_code?: { confidence?: string };
  };
}

export class GeocodingError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'GeocodingError';
  }
}

const CONFIDENCE: readonly GeocodeConfidence[] = ['exact', 'high', 'medium', 'low'];

/**
 * Mapbox Geocoding v6, forward geocoding with structured input (each address part in its own
 * parameter), restricted to address features and the best match.
 */
export class MapboxGeocoder implements Geocoder {
  private readonly baseUrl: string;

  constructor(private readonly options: MapboxGeocoderOptions) {
    this.baseUrl = (options.baseUrl ?? 'https://api.mapbox.com').replace(/\/+$/, '');
  }

  async geocode(address: PostalAddress): Promise<GeocodeResult | null> {
    const url = new URL(`${this.baseUrl}/search/geocode/v6/forward`);
    const params: Record<string, string | undefined> = {
      address_line1: address.line1,
      place: address.city,
      region: address.state,
      postcode: address.postalCode,
      country: address.country.toLowerCase(),
      types: 'address',
      limit: '1',
      autocomplete: 'false',
      permanent: this.options.permanent ? 'true' : undefined,
      access_token: this.options.accessToken,
    };
    for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);

    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    const body = (await response.json().catch(() => undefined)) as
      | { features?: MapboxFeature[]; message?: string; error_code?: string }
      | undefined;
    if (!response.ok) {
      throw new GeocodingError(
        `Mapbox geocoding ${response.status}: ${body?.message ?? response.statusText}`,
        response.status,
      );
    }
    const feature = body?.features?.[0];
    if (!feature) return null;
    return toResult(feature, address);
  }
}

function toResult(feature: MapboxFeature, typed: PostalAddress): GeocodeResult {
  const p = feature.properties;
  const ctx = p.context ?? {};
  const [lon, lat] = feature.geometry.coordinates;
  const confidence = CONFIDENCE.find((c) => c === p.match_code?.confidence) ?? 'low';
  const street =
    ctx.address?.name ??
    (ctx.address?.address_number && ctx.address.street_name
      ? `${ctx.address.address_number} ${ctx.address.street_name}`
      : undefined) ??
    p.name;
  return {
    normalized: {
      line1: street ?? typed.line1,
      // Mapbox does not return secondary units through structured input: keep the typed one.
      line2: typed.line2,
      city: ctx.place?.name ?? ctx.locality?.name ?? typed.city,
      state: ctx.region?.region_code ?? ctx.region?.name ?? typed.state,
      postalCode: ctx.postcode?.name ?? typed.postalCode,
      country: (ctx.country?.country_code ?? typed.country).toUpperCase(),
    },
    longitude: p.coordinates?.longitude ?? lon,
    latitude: p.coordinates?.latitude ?? lat,
    confidence,
  };
}
