import { useState } from 'react';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { PlatformAccountRow } from './platform-account-row.tsx';
import { listPlatformAccounts } from './platform-roles-api.ts';
import { useLoad } from './use-load.ts';

/** The installation's accounts, one page at a time, with their platform roles. */
export function PlatformAccountsTable({ selfId }: { readonly selfId: string | undefined }) {
  // The ids each shown page started after: going back is popping one.
  const [starts, setStarts] = useState<readonly (string | undefined)[]>([undefined]);
  const after = starts.at(-1);
  const { state, reload } = useLoad(`platform-users:${after ?? ''}`, (signal) =>
    listPlatformAccounts(after, signal),
  );
  if (state.status === 'loading') return <p role="status">Loading accounts…</p>;
  if (state.status === 'failed') return <ErrorBanner error={state.error} />;
  const { users, available, next } = state.data;
  return (
    <>
      <div className="table-scroll">
        <table className="data-table platform-roles-table">
          <caption className="visually-hidden">Accounts and their platform roles</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Platform roles</th>
              <th scope="col">Grant</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <PlatformAccountRow
                key={u.id}
                account={u}
                roles={available}
                isSelf={u.id === selfId}
                onChanged={reload}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className="row-actions">
        {starts.length > 1 && (
          <button type="button" className="button" onClick={() => setStarts(starts.slice(0, -1))}>
            Previous accounts
          </button>
        )}
        {next !== undefined && (
          <button type="button" className="button" onClick={() => setStarts([...starts, next])}>
            More accounts
          </button>
        )}
      </div>
    </>
  );
}
