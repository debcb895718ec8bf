// Test support for store adapters: fixture events and conformance queries (`@vigil/query/testing`).
export { fixtureEvents } from './fixture-events.ts';
export { CONFORMANCE_NOW, conformanceQueries } from './conformance-queries.ts';
