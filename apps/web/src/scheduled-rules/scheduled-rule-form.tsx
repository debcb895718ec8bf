import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useAction } from '../admin/use-action.ts';
import { ProblemList } from '../search/problem-list.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { fieldErrors } from './field-errors.ts';
import type { ScheduledRuleDraft } from './scheduled-rules-api.ts';

const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'];
const FUNCTIONS = ['count', 'sum', 'avg', 'min', 'max', 'dc'];
const OPERATORS: readonly (readonly [string, string])[] = [
  ['gt', '>'],
  ['gte', '≥'],
  ['lt', '<'],
  ['lte', '≤'],
  ['eq', '='],
];

export const EMPTY_DRAFT: ScheduledRuleDraft = {
  name: '',
  description: '',
  query: '',
  intervalSeconds: 300,
  lookbackSeconds: 300,
  delaySeconds: 60,
  trigger: { kind: 'count', fn: 'count', field: undefined, operator: 'gte', threshold: 10, groupBy: [] },
  severity: 'medium',
  grouping: 'per-run',
  suppressionSeconds: 0,
  enabled: true,
  simulation: false,
};

const int = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * Creates or edits a scheduled rule. The server validates: its refusal shows next to each field it
 * names, and the query's problems under the query with the offending character marked.
 */
export function ScheduledRuleForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  readonly initial: ScheduledRuleDraft;
  readonly submitLabel: string;
  readonly onSubmit: (draft: ScheduledRuleDraft) => Promise<unknown>;
}) {
  const id = useId();
  const [d, setD] = useState(initial);
  const [groupBy, setGroupBy] = useState(initial.trigger.groupBy.join(', '));
  const queryRef = useRef<HTMLTextAreaElement>(null);
  const { busy, error, run } = useAction();
  const errors = fieldErrors(error);
  const problems = error?.code === 'QUERY_INVALID' ? error.problems : [];
  const set = (patch: Partial<ScheduledRuleDraft>) => setD((prev) => ({ ...prev, ...patch }));
  const setTrigger = (patch: Partial<ScheduledRuleDraft['trigger']>) =>
    setD((prev) => ({ ...prev, trigger: { ...prev.trigger, ...patch } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = groupBy
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== '');
    void run(() => onSubmit({ ...d, trigger: { ...d.trigger, groupBy: fields } }));
  };
  const showOffset = (offset: number) => {
    const box = queryRef.current;
    if (!box) return;
    box.focus();
    box.setSelectionRange(offset, offset + 1);
  };

  const field = (
    name: string,
    label: string,
    control: (fid: string, invalid: boolean) => ReactNode,
    help?: string,
  ) => {
    const fid = `${id}-${name.replace(/\W/g, '-')}`;
    const message = errors[name];
    return (
      <div className="field">
        <label htmlFor={fid}>{label}</label>
        {control(fid, message !== undefined)}
        {help !== undefined && <p className="muted field-help">{help}</p>}
        {message !== undefined && (
          <p className="field-error" role="alert" data-field={name}>
            {message}
          </p>
        )}
      </div>
    );
  };
  const numberInput =
    (key: 'intervalSeconds' | 'lookbackSeconds' | 'delaySeconds' | 'suppressionSeconds') =>
    (fid: string, invalid: boolean) => (
      <input
        id={fid}
        type="number"
        inputMode="numeric"
        value={Number.isNaN(d[key]) ? '' : d[key]}
        aria-invalid={invalid}
        onChange={(e) => set({ [key]: int(e.target.value) })}
      />
    );

  return (
    <form className="card scheduled-form" aria-label="Scheduled rule" onSubmit={submit} noValidate>
      {field('name', 'Name', (fid, invalid) => (
        <input
          id={fid}
          value={d.name}
          maxLength={200}
          aria-invalid={invalid}
          onChange={(e) => set({ name: e.target.value })}
        />
      ))}
      {field('description', 'Description', (fid) => (
        <textarea
          id={fid}
          rows={2}
          value={d.description}
          onChange={(e) => set({ description: e.target.value })}
        />
      ))}
      <div className="field query-field">
        <label htmlFor={`${id}-query`}>Query</label>
        <textarea
          id={`${id}-query`}
          ref={queryRef}
          className="query-input"
          rows={3}
          spellCheck={false}
          value={d.query}
          aria-invalid={problems.length > 0 || errors['query'] !== undefined}
          aria-describedby={`${id}-query-problems`}
          placeholder="event.category:authentication AND event.outcome:failure"
          onChange={(e) => set({ query: e.target.value })}
        />
        <p className="muted field-help">Returns events; the trigger below counts or aggregates them.</p>
        <ProblemList id={`${id}-query-problems`} query={d.query} problems={problems} onShow={showOffset} />
        {problems.length === 0 && errors['query'] !== undefined && (
          <p className="field-error" role="alert" data-field="query">
            {errors['query']}
          </p>
        )}
      </div>
      <fieldset className="scheduled-fieldset">
        <legend>Schedule</legend>
        {field('intervalSeconds', 'Every (seconds)', numberInput('intervalSeconds'), 'At least 60.')}
        {field(
          'lookbackSeconds',
          'Look back (seconds)',
          numberInput('lookbackSeconds'),
          'At least the interval.',
        )}
        {field(
          'delaySeconds',
          'Delay (seconds)',
          numberInput('delaySeconds'),
          'Waits for late events before running an interval.',
        )}
      </fieldset>
      <fieldset className="scheduled-fieldset">
        <legend>Trigger</legend>
        {field('trigger.kind', 'Kind', (fid) => (
          <select
            id={fid}
            value={d.trigger.kind}
            onChange={(e) =>
              setTrigger({ kind: e.target.value === 'aggregate' ? 'aggregate' : 'count', fn: 'count' })
            }
          >
            <option value="count">Event count</option>
            <option value="aggregate">Aggregated value</option>
          </select>
        ))}
        {d.trigger.kind === 'aggregate' && (
          <>
            {field('trigger.fn', 'Function', (fid) => (
              <select id={fid} value={d.trigger.fn} onChange={(e) => setTrigger({ fn: e.target.value })}>
                {FUNCTIONS.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            ))}
            {field('trigger.field', 'Of field', (fid, invalid) => (
              <input
                id={fid}
                value={d.trigger.field ?? ''}
                aria-invalid={invalid}
                onChange={(e) => setTrigger({ field: e.target.value === '' ? undefined : e.target.value })}
              />
            ))}
          </>
        )}
        {field('trigger.operator', 'Fires when the value is', (fid) => (
          <select
            id={fid}
            value={d.trigger.operator}
            onChange={(e) => setTrigger({ operator: e.target.value })}
          >
            {OPERATORS.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        ))}
        {field('trigger.threshold', 'Threshold', (fid, invalid) => (
          <input
            id={fid}
            type="number"
            value={Number.isNaN(d.trigger.threshold) ? '' : d.trigger.threshold}
            aria-invalid={invalid}
            onChange={(e) => setTrigger({ threshold: int(e.target.value) })}
          />
        ))}
        {field(
          'trigger.groupBy',
          'Per group of (fields, comma-separated)',
          (fid, invalid) => (
            <input
              id={fid}
              value={groupBy}
              aria-invalid={invalid}
              placeholder="source.ip"
              onChange={(e) => setGroupBy(e.target.value)}
            />
          ),
          'Empty: the whole run is one group.',
        )}
      </fieldset>
      <fieldset className="scheduled-fieldset">
        <legend>Alerts</legend>
        {field('severity', 'Severity', (fid) => (
          <select id={fid} value={d.severity} onChange={(e) => set({ severity: e.target.value })}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        ))}
        {field('grouping', 'One alert', (fid) => (
          <select
            id={fid}
            value={d.grouping}
            onChange={(e) => set({ grouping: e.target.value === 'per-group' ? 'per-group' : 'per-run' })}
          >
            <option value="per-run">per run</option>
            <option value="per-group">per group</option>
          </select>
        ))}
        {field(
          'suppressionSeconds',
          'Suppress repeats for (seconds)',
          numberInput('suppressionSeconds'),
          '0 = no suppression.',
        )}
        <label className="checkbox">
          <input type="checkbox" checked={d.enabled} onChange={(e) => set({ enabled: e.target.checked })} />{' '}
          Enabled
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={d.simulation}
            onChange={(e) => set({ simulation: e.target.checked })}
          />{' '}
          Simulation mode (record what it would alert, raise nothing)
        </label>
      </fieldset>
      {error !== null && Object.keys(errors).length === 0 && problems.length === 0 && (
        <ErrorBanner error={error} />
      )}
      {(Object.keys(errors).length > 0 || problems.length > 0) && (
        <p className="banner banner-error" role="alert">
          The rule was not saved: {error?.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
