import { ErrorBanner } from '../shell/error-banner.tsx';
import { DateTime } from './date-time.tsx';
import { revokeToken, type TokenKind, type TokenView } from './tokens-api.ts';
import { useAction } from './use-action.ts';

function state(t: TokenView, now: number): string {
  if (t.revokedAt !== undefined) return 'Revoked';
  if (t.expiresAt !== undefined && Date.parse(t.expiresAt) <= now) return 'Expired';
  return 'Active';
}

/** Keys or tokens with their scope and use; the secrets are never listed. */
export function TokensTable({
  workspaceId,
  kind,
  caption,
  tokens,
  onRevoked,
}: {
  readonly workspaceId: string;
  readonly kind: TokenKind;
  readonly caption: string;
  readonly tokens: readonly TokenView[];
  readonly onRevoked: () => void;
}) {
  const { busy, error, run } = useAction();
  const now = Date.now();
  if (tokens.length === 0) return <p className="muted">None yet.</p>;
  return (
    <>
      <ErrorBanner error={error} />
      <div className="table-scroll">
        <table className="data-table tokens-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">{kind === 'api_key' ? 'Role' : 'Data space'}</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => {
              const status = state(t, now);
              return (
                <tr key={t.id} data-token-name={t.name}>
                  <th scope="row">{t.name}</th>
                  <td>{(kind === 'api_key' ? t.roleId : t.dataSpace) ?? '—'}</td>
                  <td>
                    <span className={status === 'Active' ? 'badge badge-ok' : 'badge badge-unknown'}>
                      {status}
                    </span>
                  </td>
                  <td>
                    <DateTime iso={t.createdAt} />
                  </td>
                  <td>
                    <DateTime iso={t.expiresAt} empty="Never" />
                  </td>
                  <td>
                    <DateTime iso={t.lastUsedAt} empty="Never" />
                  </td>
                  <td>
                    {status === 'Active' && (
                      <button
                        type="button"
                        className="button"
                        disabled={busy}
                        aria-label={`Revoke ${t.name}`}
                        onClick={() =>
                          void run(() => revokeToken(workspaceId, kind, t.id)).then((ok) => ok && onRevoked())
                        }
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
