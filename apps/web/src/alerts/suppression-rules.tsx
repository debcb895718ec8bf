import { useState } from 'react';
import { useAction } from '../admin/use-action.ts';
import { useLoad } from '../admin/use-load.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { DetailSection } from './detail-section.tsx';
import { EpochTime } from './epoch-time.tsx';
import { matchToText } from './parse-suppression.ts';
import { SuppressionCreateForm } from './suppression-create-form.tsx';
import { SuppressionEditForm } from './suppression-edit-form.tsx';
import { endSuppression, listSuppressions } from './suppressions-api.ts';

/** The workspace's suppression rules (expired ones too); writers edit or end them. */
export function SuppressionRules({
  workspaceId,
  canWrite,
}: {
  readonly workspaceId: string;
  readonly canWrite: boolean;
}) {
  const { state, reload } = useLoad(`suppressions:${workspaceId}`, (signal) =>
    listSuppressions(workspaceId, signal),
  );
  const [editing, setEditing] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const { busy, error, run } = useAction();
  const now = Date.now();
  const rule = state.status === 'ready' ? state.data.find((r) => r.id === editing) : undefined;
  return (
    <DetailSection title="Suppression rules">
      {state.status === 'loading' && <p role="status">Loading the suppression rules…</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' &&
        (state.data.length === 0 ? (
          <p>No suppression rules.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Suppression rules</caption>
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Fields</th>
                  <th scope="col">Reason</th>
                  <th scope="col">State</th>
                  <th scope="col">Ends</th>
                  {canWrite && <th scope="col">Actions</th>}
                </tr>
              </thead>
              <tbody>
                {state.data.map((r) => (
                  <tr key={r.id} data-suppression={r.id}>
                    <td>{r.ruleId ?? 'Every rule'}</td>
                    <td>
                      <code className="suppression-match">{matchToText(r.match)}</code>
                    </td>
                    <td>{r.reason}</td>
                    <td>{!r.enabled ? 'Disabled' : r.expiresAt <= now ? 'Expired' : 'Active'}</td>
                    <td>
                      <EpochTime ms={r.expiresAt} />
                    </td>
                    {canWrite && (
                      <td>
                        <button type="button" className="link-button" onClick={() => setEditing(r.id)}>
                          Edit<span className="visually-hidden"> rule {r.id}</span>
                        </button>{' '}
                        {r.expiresAt > now && (
                          <button
                            type="button"
                            className="link-button"
                            disabled={busy}
                            onClick={() =>
                              void run(() => endSuppression(workspaceId, r.id)).then((ok) => ok && reload())
                            }
                          >
                            End now<span className="visually-hidden"> rule {r.id}</span>
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      <ErrorBanner error={error} />
      {canWrite && rule !== undefined && (
        <SuppressionEditForm
          key={rule.id}
          workspaceId={workspaceId}
          rule={rule}
          onDone={(saved) => {
            setEditing(undefined);
            if (saved) reload();
          }}
        />
      )}
      {canWrite &&
        (creating ? (
          <SuppressionCreateForm
            workspaceId={workspaceId}
            title="New suppression rule"
            onDone={(created) => {
              setCreating(false);
              if (created) reload();
            }}
          />
        ) : (
          <p>
            <button type="button" className="button" onClick={() => setCreating(true)}>
              New suppression rule
            </button>
          </p>
        ))}
    </DetailSection>
  );
}
