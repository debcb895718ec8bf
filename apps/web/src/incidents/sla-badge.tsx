import { label } from '../alerts/cases-labels.ts';

const CLASS: Readonly<Record<string, string>> = {
  met: 'badge badge-ok',
  breached: 'badge badge-error',
};

/** One SLA target's state: none, pending, met or breached. */
export function SlaBadge({ state }: { readonly state: string }) {
  return <span className={CLASS[state] ?? 'badge badge-unknown'}>{label(state)}</span>;
}
