import { useId } from 'react';
import { SEVERITIES, STATUSES, label } from './cases-labels.ts';
import type { AlertFilter } from './alerts-api.ts';

/** Status and severity filters of the queue; a change starts again at page 1. */
export function AlertFilters({
  filter,
  onChange,
}: {
  readonly filter: AlertFilter;
  readonly onChange: (filter: AlertFilter) => void;
}) {
  const statusId = useId();
  const severityId = useId();
  return (
    <div className="case-filters" role="group" aria-label="Filters">
      <div className="field">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          value={filter.status}
          onChange={(e) => onChange({ ...filter, status: e.target.value })}
        >
          <option value="open,in_progress">Not closed</option>
          <option value="">Any</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {label(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={severityId}>Severity</label>
        <select
          id={severityId}
          value={filter.severity}
          onChange={(e) => onChange({ ...filter, severity: e.target.value })}
        >
          <option value="">Any</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {label(s)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
