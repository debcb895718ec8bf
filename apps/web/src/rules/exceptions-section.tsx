import { useId } from 'react';
import { DateTime } from '../admin/date-time.tsx';
import { useAction } from '../admin/use-action.ts';
import { useSession } from '../auth/session-store.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { ExceptionForm } from './exception-form.tsx';
import { deleteException, type RuleException } from './rules-api.ts';

/** The rule's local exceptions (kept apart from the rule, so they survive updates): list, add, delete. */
export function ExceptionsSection({
  workspaceId,
  ruleId,
  exceptions,
  mayWrite,
  correlation,
  onChanged,
}: {
  readonly workspaceId: string;
  readonly ruleId: string;
  readonly exceptions: readonly RuleException[];
  readonly mayWrite: boolean;
  /** Exceptions of a correlation rule match its output (group-by values), not events. */
  readonly correlation?: boolean;
  readonly onChanged: () => void;
}) {
  const id = useId();
  const { busy, error, run } = useAction();
  const session = useSession();
  // The server records the owner as a user id; the reader's own id reads as their username.
  const ownerName = (owner: string | undefined) =>
    session.status === 'signed-in' && owner === session.me.userId ? session.me.username : (owner ?? '—');
  const remove = (exceptionId: string) =>
    void run(() => deleteException(workspaceId, ruleId, exceptionId)).then((ok) => ok && onChanged());
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>Exceptions</h2>
      <p className="muted">Matches of this rule that also match an active exception are suppressed.</p>
      <ErrorBanner error={error} />
      {exceptions.length === 0 ? (
        <p>No exceptions.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Exceptions of this rule</caption>
            <thead>
              <tr>
                <th scope="col">Reason</th>
                <th scope="col">Conditions</th>
                <th scope="col">Owner</th>
                <th scope="col">Expires</th>
                <th scope="col">State</th>
                {mayWrite && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {exceptions.map((e) => (
                <tr key={e.id} data-exception-id={e.id}>
                  <th scope="row">{e.reason}</th>
                  <td>
                    <pre className="conditions">{JSON.stringify(e.conditions, null, 2)}</pre>
                  </td>
                  <td>{ownerName(e.owner)}</td>
                  <td>
                    <DateTime iso={e.expiresAt} empty="Never" />
                  </td>
                  <td>
                    <span className={e.active ? 'badge badge-ok' : 'badge badge-unknown'}>
                      {e.active ? 'Active' : 'Expired'}
                    </span>
                  </td>
                  {mayWrite && (
                    <td>
                      <button
                        type="button"
                        className="button"
                        disabled={busy}
                        aria-label={`Delete the exception “${e.reason}”`}
                        onClick={() => remove(e.id)}
                      >
                        Delete
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayWrite && (
        <ExceptionForm
          workspaceId={workspaceId}
          ruleId={ruleId}
          correlation={correlation === true}
          onAdded={onChanged}
        />
      )}
    </section>
  );
}
