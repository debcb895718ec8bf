import type { VigilEvent } from '@vigil/core';

/**
 * The detection stage of the pipeline (DESIGN §1): sees every enriched batch before it is published
 * for storage. The detection engine implements it; until then the no-op below is wired. It must not
 * drop events: alerts go elsewhere, the batch is stored unchanged.
 */
export interface DetectHook {
  inspect(events: readonly VigilEvent[]): Promise<void>;
}

export const noopDetectHook: DetectHook = { inspect: () => Promise.resolve() };
