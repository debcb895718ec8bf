import { useId } from 'react';

/** A labelled "Duration" choice among `[text, milliseconds]` options. */
export function DurationSelect({
  choices,
  value,
  onChange,
}: {
  readonly choices: readonly (readonly [string, number])[];
  readonly value: number;
  readonly onChange: (ms: number) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Duration</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {choices.map(([text, ms]) => (
          <option key={ms} value={ms}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
