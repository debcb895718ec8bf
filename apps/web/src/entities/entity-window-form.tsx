import { useId } from 'react';
import type { EntityWindow } from '../investigation/investigation-api.ts';
import { localInputValue, lookBackChoices, marginChoices } from './entity-window.ts';

const AROUND = 'around';

/** Chooses the entity page's events window: the last N days, or a moment ± a margin. */
export function EntityWindowForm({
  value,
  onChange,
  now,
}: {
  readonly value: EntityWindow;
  readonly onChange: (next: EntityWindow) => void;
  /** Where "around a moment" starts when switching from a look-back. */
  readonly now: number;
}) {
  const id = useId();
  const around = 'at' in value ? value : undefined;
  return (
    <fieldset className="entity-window">
      <legend>Events window</legend>
      <label htmlFor={`${id}-mode`}>Show</label>{' '}
      <select
        id={`${id}-mode`}
        value={around === undefined ? String('days' in value ? value.days : 30) : AROUND}
        onChange={(e) =>
          onChange(
            e.target.value === AROUND
              ? { at: now, before: '1h', after: '1h' }
              : { days: Number(e.target.value) },
          )
        }
      >
        {lookBackChoices.map((d) => (
          <option key={d} value={String(d)}>
            the last {d === 1 ? 'day' : `${d} days`}
          </option>
        ))}
        <option value={AROUND}>around a moment</option>
      </select>
      {around !== undefined && (
        <>
          {' '}
          <label htmlFor={`${id}-at`}>Moment</label>{' '}
          <input
            id={`${id}-at`}
            type="datetime-local"
            value={localInputValue(around.at)}
            onChange={(e) => {
              const at = new Date(e.target.value).getTime();
              if (Number.isFinite(at)) onChange({ ...around, at });
            }}
          />{' '}
          <label htmlFor={`${id}-margin`}>±</label>{' '}
          <select
            id={`${id}-margin`}
            value={around.before}
            onChange={(e) => onChange({ ...around, before: e.target.value, after: e.target.value })}
          >
            {marginChoices.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </>
      )}
    </fieldset>
  );
}
