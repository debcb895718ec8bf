import type { VigilEvent } from '@vigil/core';

/**
 * Enrichment from the asset inventory (owner, criticality…). It may add fields to the events in
 * place; it must not remove any. Asset management does not exist yet: the no-op below is wired.
 */
export interface AssetLookup {
  enrich(events: VigilEvent[]): Promise<void>;
}

export const noopAssetLookup: AssetLookup = { enrich: () => Promise.resolve() };
