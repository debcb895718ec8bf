import { useId } from 'react';
import type { WindowChoice } from './investigation-api.ts';

const choices = ['15m', '1h', '6h', '1d', '7d'];

/** The margin before the first and after the last seen event (the server allows up to 7 days). */
export function WindowPicker({
  value,
  onChange,
}: {
  readonly value: WindowChoice;
  readonly onChange: (next: WindowChoice) => void;
}) {
  const id = useId();
  return (
    <p className="investigation-window">
      <label htmlFor={id}>Window around the events</label>{' '}
      <select
        id={id}
        value={value.before}
        onChange={(e) => onChange({ before: e.target.value, after: e.target.value })}
      >
        {choices.map((c) => (
          <option key={c} value={c}>
            ± {c}
          </option>
        ))}
      </select>
    </p>
  );
}
