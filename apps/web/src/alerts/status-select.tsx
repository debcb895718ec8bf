import { useId } from 'react';
import { STATUSES, label } from './cases-labels.ts';

/** A status choice; `keep` adds a "no change" option with the value ''. */
export function StatusSelect({
  value,
  onChange,
  keep = false,
  text = 'Status',
}: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly keep?: boolean;
  readonly text?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{text}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {keep && <option value="">No change</option>}
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {label(s)}
          </option>
        ))}
      </select>
    </div>
  );
}
