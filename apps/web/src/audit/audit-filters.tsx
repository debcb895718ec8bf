import { useId, useState, type FormEvent } from 'react';
import { TimeRangePicker } from '../search/time-range-picker.tsx';
import { resolveRange, type TimeRange } from '../search/time-range.ts';
import type { AuditFilter } from './audit-api.ts';
import { AUDIT_EVENT_TYPES } from './audit-event-types.ts';

export interface MemberOption {
  readonly id: string;
  readonly name: string;
}

/** Time range, event type, user and result; applied together with the Apply button. */
export function AuditFilters({
  members,
  onApply,
}: {
  readonly members: readonly MemberOption[] | undefined;
  readonly onApply: (filter: AuditFilter) => void;
}) {
  const id = useId();
  const [range, setRange] = useState<TimeRange>({ kind: 'relative', preset: '7d' });
  const [eventType, setEventType] = useState('');
  const [userId, setUserId] = useState('');
  const [result, setResult] = useState<AuditFilter['result']>('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const resolved = resolveRange(range, Date.now());
    if (!resolved.ok) {
      setProblem(resolved.message);
      return;
    }
    setProblem(null);
    // A relative range runs up to now, so leave its end open: records written after Apply still show.
    const to = range.kind === 'relative' ? undefined : resolved.to;
    onApply({ from: resolved.from, to, eventType, userId: userId.trim(), result });
  };

  return (
    <form className="audit-filters" aria-label="Filter the audit log" onSubmit={submit}>
      <TimeRangePicker value={range} onChange={setRange} />
      <div className="field">
        <label htmlFor={`${id}-type`}>Event type</label>
        <input
          id={`${id}-type`}
          list={`${id}-types`}
          value={eventType}
          placeholder="Any"
          maxLength={100}
          onChange={(e) => setEventType(e.target.value)}
        />
        <datalist id={`${id}-types`}>
          {AUDIT_EVENT_TYPES.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-user`}>User</label>
        {members === undefined ? (
          <input
            id={`${id}-user`}
            value={userId}
            placeholder="User id"
            maxLength={128}
            onChange={(e) => setUserId(e.target.value)}
          />
        ) : (
          <select id={`${id}-user`} value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">Anyone</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-result`}>Result</label>
        <select
          id={`${id}-result`}
          value={result}
          onChange={(e) => setResult(e.target.value as AuditFilter['result'])}
        >
          <option value="">Any</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
          <option value="denied">Denied</option>
        </select>
      </div>
      <button type="submit" className="button button-primary">
        Apply filters
      </button>
      {problem !== null && (
        <p className="banner banner-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
