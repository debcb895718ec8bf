import { useId } from 'react';
import { label } from './cases-labels.ts';

/** A labelled select over one of the cases enums (severity, verification, IR stage…), shown in words. */
export function EnumSelect({
  title,
  value,
  values,
  onChange,
}: {
  readonly title: string;
  readonly value: string;
  readonly values: readonly string[];
  readonly onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{title}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(v)}
          </option>
        ))}
      </select>
    </div>
  );
}
