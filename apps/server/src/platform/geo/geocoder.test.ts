import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHttpServer, startFakeHttpServer } from '../testing/fake-http-server.ts';
import { GeocodingError, MapboxGeocoder } from './mapbox-geocoder.ts';
import { NoopGeocoder } from './noop-geocoder.ts';

const TOKEN = 'pk.test-token';

/** A Geocoding v6 address feature, as Mapbox returns it. */
const feature = {
  type: 'Feature',
  id: 'dXJuOm1ieGFkcjo1',
  geometry: { type: 'Point', coordinates: [-77.036547, 38.897675] },
  properties: {
    mapbox_id: 'dXJuOm1ieGFkcjo1',
    feature_type: 'address',
    full_address: '1600 Pennsylvania Avenue Northwest, Washington, District of Columbia 20500, United States',
    name: '1600 Pennsylvania Avenue Northwest',
    name_preferred: '1600 Pennsylvania Avenue Northwest',
    place_formatted: 'Washington, District of Columbia 20500, United States',
    coordinates: { longitude: -77.036547, latitude: 38.897675, accuracy: 'rooftop' },
    context: {
      address: {
        mapbox_id: 'dXJuOm1ieGFkcjo1',
        address_number: '1600',
        street_name: 'Pennsylvania Avenue Northwest',
        name: '1600 Pennsylvania Avenue Northwest',
      },
      street: { mapbox_id: 'x', name: 'Pennsylvania Avenue Northwest' },
      postcode: { mapbox_id: 'y', name: '20500' },
      place: { mapbox_id: 'z', name: 'Washington', wikidata_id: 'Q61' },
      region: { mapbox_id: 'r', name: 'District of Columbia', region_code: 'DC', region_code_full: 'US-DC' },
      country: { mapbox_id: 'c', name: 'United States', country_code: 'US', country_code_alpha_3: 'USA' },
    },
    match_code: {
      address_number: 'matched',
      street: 'matched',
      postcode: 'matched',
      place: 'matched',
      region: 'matched',
      locality: 'not_applicable',
      country: 'inferred',
      confidence: 'exact',
    },
  },
};

let server: FakeHttpServer;
let features: unknown[];

beforeAll(async () => {
  server = await startFakeHttpServer({
    'GET /search/geocode/v6/forward': (req) => {
      if (req.query.get('access_token') !== TOKEN) {
        return {
          status: 401,
          json: { message: 'Not Authorized - Invalid Token', error_code: 'NOT_AUTHORIZED' },
        };
      }
      return {
        json: {
          type: 'FeatureCollection',
          features,
          attribution: 'NOTICE: © 2025 Mapbox and its suppliers.',
        },
      };
    },
  });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  features = [feature];
});

const typed = {
  line1: '1600 pennsylvania ave nw',
  line2: 'Suite 1',
  city: 'washington',
  state: 'DC',
  postalCode: '20500',
  country: 'us',
};

describe('MapboxGeocoder', () => {
  it('sends structured input and maps the best feature', async () => {
    const geocoder = new MapboxGeocoder({ accessToken: TOKEN, baseUrl: server.url });
    expect(await geocoder.geocode(typed)).toEqual({
      normalized: {
        line1: '1600 Pennsylvania Avenue Northwest',
        line2: 'Suite 1',
        city: 'Washington',
        state: 'DC',
        postalCode: '20500',
        country: 'US',
      },
      longitude: -77.036547,
      latitude: 38.897675,
      confidence: 'exact',
    });
    const [sent] = server.requestsTo('GET', '/search/geocode/v6/forward');
    expect(Object.fromEntries(sent!.query)).toEqual({
      address_line1: '1600 pennsylvania ave nw',
      place: 'washington',
      region: 'DC',
      postcode: '20500',
      country: 'us',
      types: 'address',
      limit: '1',
      autocomplete: 'false',
      access_token: TOKEN,
    });
  });

  it('returns null when nothing matches, and low confidence when there is no match code', async () => {
    const geocoder = new MapboxGeocoder({ accessToken: TOKEN, baseUrl: server.url });
    features = [];
    expect(await geocoder.geocode(typed)).toBeNull();
    const { match_code: _, ...properties } = feature.properties;
    features = [{ ...feature, properties }];
    expect((await geocoder.geocode(typed))?.confidence).toBe('low');
  });

  it('throws a GeocodingError with Mapbox’s message on an API error', async () => {
    const geocoder = new MapboxGeocoder({ accessToken: 'pk.wrong', baseUrl: server.url, permanent: true });
    const err = await geocoder.geocode(typed).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GeocodingError);
    expect(err).toMatchObject({ status: 401, message: expect.stringContaining('Invalid Token') });
    expect(server.requests[0]?.query.get('permanent')).toBe('true');
  });
});

describe('NoopGeocoder', () => {
  it('locates nothing: the address is used as typed', async () => {
    expect(await new NoopGeocoder().geocode(typed)).toBeNull();
  });
});
