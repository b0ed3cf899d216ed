export * from './common.ts';
export * from './identity.ts';
export * from './designs.ts';
export * from './commerce.ts';
export * from './events.ts';
export * from './product-geometry.ts';
export * from './mockup-svg.ts';
