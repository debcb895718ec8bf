import { useId, useState, type FormEvent } from 'react';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { GroupRow } from './group-row.tsx';
import { createGroup, type GroupView } from './groups-api.ts';
import { useAction } from './use-action.ts';
import type { Member, RoleView } from './users-api.ts';

/**
 * Groups of the workspace: a member of a group holds the group's roles here, on top of their own.
 * A group bound to an SSO group is kept in step with the identity provider at each SSO sign-in.
 */
export function GroupsSection({
  workspaceId,
  groups,
  roles,
  members,
  canManage,
  onChanged,
}: {
  readonly workspaceId: string;
  readonly groups: readonly GroupView[];
  readonly roles: readonly RoleView[];
  readonly members: readonly Member[];
  readonly canManage: boolean;
  readonly onChanged: () => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [sso, setSso] = useState('');
  const { busy, error, run } = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => createGroup(workspaceId, name.trim(), sso))) {
      setName('');
      setSso('');
      onChanged();
    }
  };
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Groups</h2>
      <p className="muted small">Roles granted to a group apply to each of its members in this workspace.</p>
      {canManage && (
        <form className="inline-form" aria-label="Create a group" onSubmit={(e) => void submit(e)}>
          <label htmlFor={`${id}-name`}>Group name</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={80}
            required
            onChange={(e) => setName(e.target.value)}
          />
          <label htmlFor={`${id}-sso`}>SSO group (optional)</label>
          <input id={`${id}-sso`} value={sso} maxLength={256} onChange={(e) => setSso(e.target.value)} />
          <button type="submit" className="button" disabled={busy || name.trim() === ''}>
            Create group
          </button>
        </form>
      )}
      <ErrorBanner error={error} />
      {groups.length === 0 ? (
        <p className="muted">No groups yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table groups-table">
            <caption className="visually-hidden">Groups of the workspace</caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Roles</th>
                <th scope="col">Members</th>
                {canManage && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <GroupRow
                  key={`${g.id}:${g.name}:${g.ssoGroup ?? ''}`}
                  workspaceId={workspaceId}
                  group={g}
                  roles={roles}
                  members={members}
                  canManage={canManage}
                  onChanged={onChanged}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
