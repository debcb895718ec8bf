import { label } from './cases-labels.ts';

/** A severity as a coloured badge with its name as text (colour is never the only cue). */
export function SeverityBadge({ severity }: { readonly severity: string }) {
  return <span className={`badge severity severity-${severity}`}>{label(severity)}</span>;
}
