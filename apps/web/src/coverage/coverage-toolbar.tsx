import { useId } from 'react';
import { coverageStates, STATE_LABELS, type CoverageState } from './coverage-api.ts';
import type { CoverageFilter } from './coverage-filter.ts';

export const WINDOW_CHOICES = [1, 7, 14, 30, 90] as const;

/** Filters of the matrix (platform, state, sub-techniques) and the data-seen window. */
export function CoverageToolbar({
  filter,
  platforms,
  days,
  onFilter,
  onDays,
}: {
  readonly filter: CoverageFilter;
  readonly platforms: readonly string[];
  readonly days: number;
  readonly onFilter: (f: CoverageFilter) => void;
  readonly onDays: (days: number) => void;
}) {
  const id = useId();
  return (
    <div className="coverage-toolbar" role="group" aria-label="Coverage filters">
      <div className="field">
        <label htmlFor={`${id}-platform`}>Platform</label>
        <select
          id={`${id}-platform`}
          value={filter.platform}
          onChange={(e) => onFilter({ ...filter, platform: e.target.value })}
        >
          <option value="">All platforms</option>
          {platforms.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-state`}>State</label>
        <select
          id={`${id}-state`}
          value={filter.state}
          onChange={(e) => onFilter({ ...filter, state: e.target.value as '' | CoverageState })}
        >
          <option value="">All states</option>
          {coverageStates.map((s) => (
            <option key={s} value={s}>
              {STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-days`}>Data seen within</label>
        <select id={`${id}-days`} value={days} onChange={(e) => onDays(Number(e.target.value))}>
          {WINDOW_CHOICES.map((d) => (
            <option key={d} value={d}>
              {d === 1 ? '1 day' : `${d} days`}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox-label">
        <input
          type="checkbox"
          checked={filter.subtechniques}
          onChange={(e) => onFilter({ ...filter, subtechniques: e.target.checked })}
        />{' '}
        Show sub-techniques
      </label>
    </div>
  );
}
