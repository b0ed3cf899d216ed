import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeHttpServer, startFakeHttpServer } from '../../platform/testing/fake-http-server.ts';
import { signUp } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { itemFor, placeOrder, readyDesign, usAddress } from './testing/commerce-fixtures.ts';

const TOKEN = 'pk.test-token';

/** Mapbox Geocoding v6 forward search, as documented. */
const feature = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [-77.036547, 38.897675] },
  properties: {
    feature_type: 'address',
    name: '1600 Pennsylvania Avenue Northwest',
    full_address: '1600 Pennsylvania Avenue Northwest, Washington, District of Columbia 20500, United States',
    coordinates: { longitude: -77.036547, latitude: 38.897675 },
    context: {
      address: {
        address_number: '1600',
        street_name: 'Pennsylvania Avenue Northwest',
        name: '1600 Pennsylvania Avenue Northwest',
      },
      postcode: { name: '20500' },
      place: { name: 'Washington' },
      region: { name: 'District of Columbia', region_code: 'DC' },
      country: { name: 'United States', country_code: 'US' },
    },
    match_code: { confidence: 'exact' },
  },
};

describe('shipping addresses with Mapbox', () => {
  let server: FakeHttpServer;
  let t: TestApp;
  beforeAll(async () => {
    server = await startFakeHttpServer({
      'GET /search/geocode/v6/forward': (req) =>
        req.query.get('access_token') === TOKEN
          ? { json: { type: 'FeatureCollection', features: [feature] } }
          : { status: 401, json: { message: 'Not Authorized - Invalid Token' } },
    });
    t = await createTestApp({ env: { MAPBOX_TOKEN: TOKEN, MAPBOX_BASE_URL: server.url } });
  });
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  it('normalises the address and stores the destination for the tracking map', async () => {
    const buyer = await signUp(t.app, 'Geo');
    const design = await readyDesign(t.app, buyer);
    const res = await placeOrder(t.app, buyer, [await itemFor(t.app, design.id, 'tote-aop')], {
      address: { ...usAddress, line1: '1600 pennsylvania ave' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().destination).toEqual({ longitude: -77.036547, latitude: 38.897675 });
    expect(res.json().shippingAddress).toMatchObject({
      name: 'Ada Lovelace',
      line1: '1600 Pennsylvania Avenue Northwest',
      city: 'Washington',
      postalCode: '20500',
      country: 'US',
    });
    expect(server.requestsTo('GET', '/search/geocode/v6/forward')).toHaveLength(1);
  }, 60_000);

  it('hands the public token to the web app', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/config' });
    expect(res.json()).toEqual({ mapboxToken: TOKEN, paymentProvider: 'test', stripePublishableKey: null });
  });
});
