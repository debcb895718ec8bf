import { useState } from 'react';
import { useLoad } from '../admin/use-load.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { getRawAlert } from './create-suppression-api.ts';
import { suppressionCandidates } from './suppression-candidates.ts';
import { SuppressionCreateForm } from './suppression-create-form.tsx';

function SuppressSimilarForm({
  workspaceId,
  alertId,
  ruleId,
  onDone,
}: {
  readonly workspaceId: string;
  readonly alertId: string;
  readonly ruleId: string;
  readonly onDone: (created: boolean) => void;
}) {
  // The raw alert: its entities keep the ECS fields they came from, which the console's parser drops.
  const { state } = useLoad(`raw-alert:${alertId}`, (signal) => getRawAlert(workspaceId, alertId, signal));
  if (state.status === 'loading') return <p role="status">Loading the alert's fields…</p>;
  if (state.status === 'failed') return <ErrorBanner error={state.error} />;
  return (
    <SuppressionCreateForm
      workspaceId={workspaceId}
      title="Suppress similar alerts"
      ruleId={ruleId}
      candidates={suppressionCandidates(state.data)}
      onDone={onDone}
    />
  );
}

/** "Suppress similar": a suppression rule prefilled from this alert's rule and entity fields. */
export function SuppressSimilar({
  workspaceId,
  alertId,
  ruleId,
}: {
  readonly workspaceId: string;
  readonly alertId: string;
  readonly ruleId: string;
}) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState(false);
  return (
    <section aria-label="Suppress similar">
      {!open && (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setCreated(false);
              setOpen(true);
            }}
          >
            Suppress similar
          </button>
          {created && (
            <span role="status"> Suppression rule created: similar detections will not raise alerts.</span>
          )}
        </p>
      )}
      {open && (
        <SuppressSimilarForm
          workspaceId={workspaceId}
          alertId={alertId}
          ruleId={ruleId}
          onDone={(ok) => {
            setOpen(false);
            setCreated(ok);
          }}
        />
      )}
    </section>
  );
}
