import type { CheckState } from './health-view.ts';

const LABELS: Readonly<Record<CheckState, string>> = { ok: 'OK', error: 'Error', unknown: 'Unknown' };

/** A state shown by word and shape as well as colour. */
export function StateBadge({ state, label }: { readonly state: CheckState; readonly label?: string }) {
  return <span className={`badge badge-${state}`}>{label ?? LABELS[state]}</span>;
}
