// The suppressed/excepted hits answer (GET …/alert-suppressions/hits): counts per detection rule and the
// most recent hits. Rows without their rule are dropped; a count of the wrong type reads as 0.
import { obj, objects, str, strs } from '../admin/parse.ts';

const count = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);

export interface SuppressedCountView {
  readonly ruleId: string;
  readonly suppressed: number;
  readonly excepted: number;
  /** Suppression rule or exception id → hits it stopped. */
  readonly by: Readonly<Record<string, number>>;
  readonly lastAt: number;
}

export interface SuppressedHitView {
  readonly ruleId: string;
  readonly kind: 'suppressed' | 'excepted';
  /** The suppression rule or exception that stopped it. */
  readonly by: string;
  readonly at: number;
  readonly eventIds: readonly string[];
}

export interface SuppressedHitsView {
  readonly counts: readonly SuppressedCountView[];
  readonly recent: readonly SuppressedHitView[];
}

export function parseSuppressedHits(body: unknown): SuppressedHitsView {
  const o = obj(body);
  return {
    counts: objects(o['counts']).flatMap((c) => {
      const ruleId = str(c['ruleId']);
      if (ruleId === undefined) return [];
      const by: Record<string, number> = {};
      for (const [id, n] of Object.entries(obj(c['by']))) by[id] = count(n);
      return [
        {
          ruleId,
          suppressed: count(c['suppressed']),
          excepted: count(c['excepted']),
          by,
          lastAt: count(c['lastAt']),
        },
      ];
    }),
    recent: objects(o['recent']).flatMap((h) => {
      const ruleId = str(h['ruleId']);
      const by = str(h['by']);
      if (ruleId === undefined || by === undefined) return [];
      return [
        {
          ruleId,
          kind: h['kind'] === 'excepted' ? ('excepted' as const) : ('suppressed' as const),
          by,
          at: count(h['at']),
          eventIds: strs(h['eventIds']),
        },
      ];
    }),
  };
}
