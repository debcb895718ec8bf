import { useId } from 'react';
import { PRESETS, toLocalInput, type PresetId, type TimeRange } from './time-range.ts';

const ABSOLUTE = 'absolute';

/** Presets, or an absolute start and end in local time. */
export function TimeRangePicker({
  value,
  onChange,
}: {
  readonly value: TimeRange;
  readonly onChange: (r: TimeRange) => void;
}) {
  const id = useId();
  const choose = (choice: string) => {
    if (choice !== ABSOLUTE) {
      onChange({ kind: 'relative', preset: choice as PresetId });
      return;
    }
    const now = Date.now();
    onChange({ kind: 'absolute', from: toLocalInput(now - 86_400_000), to: toLocalInput(now) });
  };
  return (
    <fieldset className="time-range">
      <legend className="visually-hidden">Time range</legend>
      <div className="field">
        <label htmlFor={`${id}-range`}>Time range</label>
        <select
          id={`${id}-range`}
          value={value.kind === 'relative' ? value.preset : ABSOLUTE}
          onChange={(e) => choose(e.target.value)}
        >
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
          <option value={ABSOLUTE}>Between dates…</option>
        </select>
      </div>
      {value.kind === 'absolute' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-from`}>From</label>
            <input
              id={`${id}-from`}
              type="datetime-local"
              required
              value={value.from}
              onChange={(e) => onChange({ ...value, from: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>To</label>
            <input
              id={`${id}-to`}
              type="datetime-local"
              required
              value={value.to}
              onChange={(e) => onChange({ ...value, to: e.target.value })}
            />
          </div>
        </>
      )}
    </fieldset>
  );
}
