import { useState } from 'react';
import { DateTime } from '../admin/date-time.tsx';
import { useAction } from '../admin/use-action.ts';
import { useLoad } from '../admin/use-load.ts';
import { Link } from '../routing/link.tsx';
import { navigate } from '../routing/location-store.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { RunHistory } from './run-history.tsx';
import { ScheduledRuleForm } from './scheduled-rule-form.tsx';
import { scheduledListHref } from './scheduled-route.ts';
import {
  deleteScheduledRule,
  getScheduledRule,
  setScheduledRuleEnabled,
  updateScheduledRule,
} from './scheduled-rules-api.ts';
import { SimulationPanel } from './simulation-panel.tsx';
import { everyText, triggerText } from './trigger-text.ts';

/** `/detection/scheduled/:id`: the rule's coverage, edit form, simulation and run history. */
export function ScheduledRuleDetail({
  workspaceId,
  ruleId,
  mayWrite,
  mayTest,
}: {
  readonly workspaceId: string;
  readonly ruleId: string;
  readonly mayWrite: boolean;
  readonly mayTest: boolean;
}) {
  const { state, reload } = useLoad(`${workspaceId} ${ruleId}`, (signal) =>
    getScheduledRule(workspaceId, ruleId, signal),
  );
  const [round, setRound] = useState(0);
  const { busy, error, run } = useAction();
  const refresh = () => {
    reload();
    setRound((r) => r + 1);
  };
  if (state.status === 'loading') return <p role="status">Loading the scheduled rule…</p>;
  if (state.status === 'failed') return <ErrorBanner error={state.error} />;
  const r = state.data;
  return (
    <>
      <p>
        <Link href={scheduledListHref(workspaceId)}>← Scheduled rules</Link>
      </p>
      <div className="page-header">
        <h1>{r.name}</h1>
        {mayWrite && (
          <div className="form-actions">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void run(() => setScheduledRuleEnabled(workspaceId, ruleId, !r.enabled)).then(
                  (ok) => ok && refresh(),
                )
              }
            >
              {r.enabled ? 'Disable' : 'Enable'}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => {
                if (
                  !window.confirm(
                    `Delete the scheduled rule "${r.name}"? Its run history is removed within the hour.`,
                  )
                )
                  return;
                void run(() => deleteScheduledRule(workspaceId, ruleId)).then(
                  (ok) => ok && navigate(scheduledListHref(workspaceId)),
                );
              }}
            >
              Delete
            </button>
          </div>
        )}
      </div>
      <ErrorBanner error={error} />
      <section className="card" aria-label="Schedule">
        <p>
          {r.enabled ? 'Enabled' : 'Disabled'}
          {r.simulation && ' · simulation mode'} · every {everyText(r.intervalSeconds)}, looking back{' '}
          {everyText(r.lookbackSeconds)}, {r.delaySeconds} s delay · <code>{triggerText(r)}</code> ·{' '}
          {r.severity}
        </p>
        <p>
          Covered up to <DateTime iso={r.schedule.coveredUntil} />; next run{' '}
          <DateTime iso={r.schedule.nextRunAt} />.
        </p>
        {r.schedule.gaps > 0 && (
          <p className="banner banner-error" role="alert">
            {r.schedule.gaps} {r.schedule.gaps === 1 ? 'gap' : 'gaps'} in coverage. Latest:{' '}
            {r.schedule.lastGap?.reason} (
            <DateTime iso={r.schedule.lastGap?.start} /> – <DateTime iso={r.schedule.lastGap?.end} />
            ).
          </p>
        )}
      </section>
      {mayTest && <SimulationPanel workspaceId={workspaceId} ruleId={ruleId} />}
      {mayWrite && (
        <section aria-label="Edit">
          <h2>Edit</h2>
          <ScheduledRuleForm
            key={r.version}
            initial={r}
            submitLabel="Save changes"
            onSubmit={async (draft) => {
              await updateScheduledRule(workspaceId, ruleId, r.version, draft);
              refresh();
            }}
          />
        </section>
      )}
      <RunHistory workspaceId={workspaceId} ruleId={ruleId} round={round} />
    </>
  );
}
