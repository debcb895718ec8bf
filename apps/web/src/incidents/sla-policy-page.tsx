import { useState, type FormEvent } from 'react';
import { mayIn } from '../admin/access.ts';
import { PermissionGate } from '../admin/permission-gate.tsx';
import { useAction } from '../admin/use-action.ts';
import { useLoad } from '../admin/use-load.ts';
import { WorkspaceScope } from '../admin/workspace-scope.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { getSlaPolicy, putSlaPolicy, type SlaPolicyView } from './sla-policy-api.ts';
import { rowsOf, SLA_SEVERITIES, targetsOf, type SlaRows } from './sla-policy-form.ts';

/** `/settings/incident-sla`: acknowledge and resolve targets per severity for new incidents. */
export function SlaPolicyPage() {
  return (
    <WorkspaceScope>
      {(workspaceId) => (
        <PermissionGate
          key={workspaceId}
          workspaceId={workspaceId}
          what="Reading the SLA policy"
          permissions={['incidents.read']}
        >
          {(access) => (
            <SlaPolicy workspaceId={workspaceId} canWrite={mayIn(access, workspaceId, 'settings.write')} />
          )}
        </PermissionGate>
      )}
    </WorkspaceScope>
  );
}

function SlaPolicy({ workspaceId, canWrite }: { readonly workspaceId: string; readonly canWrite: boolean }) {
  const { state, reload } = useLoad(`sla:${workspaceId}`, (signal) => getSlaPolicy(workspaceId, signal));
  // Kept here: the form remounts with the saved version, and "Saved." must outlive that.
  const [saved, setSaved] = useState(false);
  if (state.status === 'loading') return <p role="status">Loading the SLA policy…</p>;
  if (state.status === 'failed') return <ErrorBanner error={state.error} />;
  return (
    <SlaForm
      key={state.data.version}
      workspaceId={workspaceId}
      policy={state.data}
      canWrite={canWrite}
      saved={saved}
      onEdit={() => setSaved(false)}
      onSaved={() => {
        setSaved(true);
        reload();
      }}
    />
  );
}

function SlaForm({
  workspaceId,
  policy,
  canWrite,
  saved,
  onEdit,
  onSaved,
}: {
  readonly workspaceId: string;
  readonly policy: SlaPolicyView;
  readonly canWrite: boolean;
  readonly saved: boolean;
  readonly onEdit: () => void;
  readonly onSaved: () => void;
}) {
  const [rows, setRows] = useState<SlaRows>(() => rowsOf(policy.targets));
  const [problem, setProblem] = useState<string | undefined>();
  const { busy, error, run } = useAction();
  const set = (severity: string, part: 'acknowledge' | 'resolve', value: string) => {
    onEdit();
    setRows((r) => ({
      ...r,
      [severity]: { ...(r[severity] ?? { acknowledge: '', resolve: '' }), [part]: value },
    }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = targetsOf(rows);
    if ('problem' in checked) {
      setProblem(checked.problem);
      return;
    }
    setProblem(undefined);
    if (await run(() => putSlaPolicy(workspaceId, checked.targets, policy.version))) onSaved();
  };
  return (
    <section className="card" aria-labelledby="sla-title">
      <h2 id="sla-title">Incident SLA targets</h2>
      <p className="muted">
        Minutes from an incident’s creation. New incidents, and incidents whose severity changes, take their
        due dates from this policy; a severity left empty has no SLA.{' '}
        {policy.isDefault ? 'The built-in defaults apply.' : ''}
      </p>
      <form aria-label="Incident SLA policy" onSubmit={(e) => void submit(e)}>
        <table className="data-table">
          <caption className="visually-hidden">SLA targets per severity</caption>
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Acknowledge within (minutes)</th>
              <th scope="col">Resolve within (minutes)</th>
            </tr>
          </thead>
          <tbody>
            {SLA_SEVERITIES.map((s) => (
              <tr key={s} data-severity={s}>
                <th scope="row">{s}</th>
                {(['acknowledge', 'resolve'] as const).map((part) => (
                  <td key={part}>
                    <input
                      aria-label={`${s} ${part} minutes`}
                      inputMode="numeric"
                      value={rows[s]?.[part] ?? ''}
                      disabled={!canWrite}
                      onChange={(e) => set(s, part, e.target.value)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {problem !== undefined && (
          <p role="alert" className="inline-error">
            {problem}
          </p>
        )}
        <ErrorBanner error={error} />
        {saved && <p role="status">Saved.</p>}
        {canWrite && (
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              Save SLA policy
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
