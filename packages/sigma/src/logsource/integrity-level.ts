import type { EventView } from './event-view.ts';

/**
 * Field a Security 4688 rule reads for Sysmon's `IntegrityLevel`: the event's `MandatoryLabel` SID
 * together with the word Sysmon reports for it. The NUL keeps it apart from any real field name.
 */
export const INTEGRITY_LABEL_FIELD = 'MandatoryLabel\u0000integrity';

/** Mandatory-label SIDs (S-1-16-<RID>) and the integrity level words Sysmon writes. */
const integrityWords: Readonly<Record<string, string>> = {
  'S-1-16-0': 'Untrusted',
  'S-1-16-4096': 'Low',
  'S-1-16-8192': 'Medium',
  'S-1-16-8448': 'Medium Plus',
  'S-1-16-12288': 'High',
  'S-1-16-16384': 'System',
  'S-1-16-20480': 'Protected Process',
};

/**
 * `MandatoryLabel` as both its Sysmon word and the SID, so `IntegrityLevel: High` and
 * `IntegrityLevel: S-1-16-12288` (SigmaHQ rules use both) match a 4688 event.
 * Example: `integrityLabel(view)` → `['High', 'S-1-16-12288']`.
 */
export function integrityLabel(v: EventView): unknown {
  const sid = v.fields['MandatoryLabel'];
  if (typeof sid !== 'string') return sid;
  const word = integrityWords[sid.trim().toUpperCase()];
  return word === undefined ? sid : [word, sid];
}
