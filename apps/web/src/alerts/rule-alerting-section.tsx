import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { useLoad } from '../admin/use-load.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { DetailSection } from './detail-section.tsx';
import {
  fieldsFromText,
  getRuleAlerting,
  putRuleAlerting,
  resetRuleAlerting,
  type RuleAlertingView,
} from './rule-alerting-api.ts';

/** How this rule's hits fold into alerts: the dedup key fields and window (kept across rule updates). */
export function RuleAlertingSection({
  workspaceId,
  ruleId,
  mayWrite,
}: {
  readonly workspaceId: string;
  readonly ruleId: string;
  readonly mayWrite: boolean;
}) {
  const { state, reload } = useLoad(`rule-alerting:${ruleId}`, (signal) =>
    getRuleAlerting(workspaceId, ruleId, signal),
  );
  return (
    <DetailSection title="Alert deduplication">
      {state.status === 'loading' && <p role="status">Loading the alerting settings…</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' && (
        <AlertingForm
          key={JSON.stringify(state.data)}
          workspaceId={workspaceId}
          ruleId={ruleId}
          settings={state.data}
          mayWrite={mayWrite}
          onSaved={reload}
        />
      )}
    </DetailSection>
  );
}

function AlertingForm({
  workspaceId,
  ruleId,
  settings,
  mayWrite,
  onSaved,
}: {
  readonly workspaceId: string;
  readonly ruleId: string;
  readonly settings: RuleAlertingView;
  readonly mayWrite: boolean;
  readonly onSaved: () => void;
}) {
  const id = useId();
  const [fields, setFields] = useState(settings.dedupFields.join(', '));
  const [minutes, setMinutes] = useState(String(Math.round(settings.dedupWindowSeconds / 60)));
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() =>
      putRuleAlerting(workspaceId, ruleId, {
        dedupFields: fieldsFromText(fields),
        dedupWindowSeconds: Math.round(Number(minutes) * 60),
      }),
    ).then((ok) => ok && onSaved());
  };
  return (
    <form aria-label="Alert deduplication" onSubmit={submit}>
      <p className="muted">
        Hits of this rule with the same values of these fields, within the window, fold into one alert.
        {settings.isDefault ? ' The defaults apply (host and user, one hour).' : ''}
      </p>
      <div className="field">
        <label htmlFor={`${id}-fields`}>Group by fields</label>
        <input
          id={`${id}-fields`}
          value={fields}
          disabled={!mayWrite}
          placeholder="none: one alert per window"
          onChange={(e) => setFields(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-window`}>Window (minutes)</label>
        <input
          id={`${id}-window`}
          inputMode="numeric"
          value={minutes}
          disabled={!mayWrite}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </div>
      <ErrorBanner error={error} />
      {mayWrite && (
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            Save deduplication
          </button>
          {!settings.isDefault && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void run(() => resetRuleAlerting(workspaceId, ruleId)).then((ok) => ok && onSaved())
              }
            >
              Back to the defaults
            </button>
          )}
        </div>
      )}
    </form>
  );
}
