import { useId, useState, type FormEvent } from 'react';
import { TextField } from '../shell/text-field.tsx';
import type { RuleFilters } from './rules-api.ts';

const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'];
const STATUSES = ['stable', 'test', 'experimental', 'deprecated', 'unsupported'];

/** Search text and filters; applied on submit. */
export function RuleFiltersForm({
  initial,
  onApply,
}: {
  readonly initial: RuleFilters;
  readonly onApply: (filters: RuleFilters) => void;
}) {
  const [draft, setDraft] = useState(initial);
  const id = useId();
  const set = (key: keyof RuleFilters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="card rule-filters" role="search" aria-label="Rules" onSubmit={submit}>
      <TextField label="Search rules" type="search" value={draft.q} onChange={set('q')} maxLength={200} />
      <div className="field">
        <label htmlFor={`${id}-level`}>Level</label>
        <select id={`${id}-level`} value={draft.level} onChange={(e) => set('level')(e.target.value)}>
          <option value="">Any level</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={draft.status} onChange={(e) => set('status')(e.target.value)}>
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-enabled`}>Enabled</label>
        <select id={`${id}-enabled`} value={draft.enabled} onChange={(e) => set('enabled')(e.target.value)}>
          <option value="">Enabled or not</option>
          <option value="true">Enabled only</option>
          <option value="false">Disabled only</option>
        </select>
      </div>
      <TextField
        label="Tag"
        value={draft.tag}
        onChange={set('tag')}
        placeholder="attack.t1033"
        maxLength={200}
      />
      <button type="submit" className="button button-primary">
        Apply filters
      </button>
    </form>
  );
}
