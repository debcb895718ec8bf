import { useId, useState } from 'react';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { GrantRoleControl } from './grant-role-control.tsx';
import {
  addGroupMember,
  deleteGroup,
  grantGroupRole,
  removeGroupMember,
  revokeGroupRole,
  updateGroup,
  type GroupView,
} from './groups-api.ts';
import { useAction } from './use-action.ts';
import type { Member, RoleView } from './users-api.ts';

/** One group: its roles and members, with rename, SSO binding, membership and role controls. */
export function GroupRow({
  workspaceId,
  group,
  roles,
  members,
  canManage,
  onChanged,
}: {
  readonly workspaceId: string;
  readonly group: GroupView;
  readonly roles: readonly RoleView[];
  readonly members: readonly Member[];
  readonly canManage: boolean;
  readonly onChanged: () => void;
}) {
  const id = useId();
  const { busy, error, run } = useAction();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(group.name);
  const [sso, setSso] = useState(group.ssoGroup ?? '');
  const [newMember, setNewMember] = useState('');
  const act = async (action: () => Promise<unknown>): Promise<boolean> => {
    const ok = await run(action);
    if (ok) onChanged();
    return ok;
  };
  const roleName = (roleId: string) => roles.find((r) => r.id === roleId)?.name ?? roleId;
  const candidates = members.filter((m) => !group.members.some((g) => g.id === m.id));
  return (
    <tr data-group={group.name}>
      <th scope="row">
        {editing ? (
          <form
            className="inline-form"
            aria-label={`Edit group ${group.name}`}
            onSubmit={(e) => {
              e.preventDefault();
              void act(() => updateGroup(workspaceId, group.id, name.trim(), sso)).then((ok) => {
                if (ok) setEditing(false);
              });
            }}
          >
            <label htmlFor={`${id}-name`}>Name</label>
            <input
              id={`${id}-name`}
              value={name}
              maxLength={80}
              required
              onChange={(e) => setName(e.target.value)}
            />
            <label htmlFor={`${id}-sso`}>SSO group</label>
            <input id={`${id}-sso`} value={sso} maxLength={256} onChange={(e) => setSso(e.target.value)} />
            <button type="submit" className="button" disabled={busy}>
              Save
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <>
            {group.name}
            {group.ssoGroup !== undefined && <span className="muted small"> (SSO: {group.ssoGroup})</span>}
          </>
        )}
        <ErrorBanner error={error} />
      </th>
      <td>
        <ul className="role-list" aria-label={`Roles of group ${group.name}`}>
          {group.roles.map((r) => (
            <li key={r}>
              {roleName(r)}
              {canManage && (
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  aria-label={`Revoke ${roleName(r)} from group ${group.name}`}
                  onClick={() => void act(() => revokeGroupRole(workspaceId, group.id, r))}
                >
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
        {canManage && (
          <GrantRoleControl
            username={`group ${group.name}`}
            roles={roles.filter((r) => !group.roles.includes(r.id))}
            busy={busy}
            onGrant={(roleId) => void act(() => grantGroupRole(workspaceId, group.id, roleId))}
          />
        )}
      </td>
      <td>
        <ul className="role-list" aria-label={`Members of group ${group.name}`}>
          {group.members.map((m) => (
            <li key={m.id}>
              {m.username}
              {m.bySso && <span className="muted small"> (SSO)</span>}
              {canManage && (
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  aria-label={`Remove ${m.username} from group ${group.name}`}
                  onClick={() => void act(() => removeGroupMember(workspaceId, group.id, m.id))}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
        {canManage && candidates.length > 0 && (
          <div className="grant-role">
            <label htmlFor={`${id}-member`} className="visually-hidden">
              Member to add to group {group.name}
            </label>
            <select id={`${id}-member`} value={newMember} onChange={(e) => setNewMember(e.target.value)}>
              <option value="">Add a member…</option>
              {candidates.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.username}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button"
              disabled={busy || newMember === ''}
              aria-label={`Add the chosen member to group ${group.name}`}
              onClick={() => {
                const userId = newMember;
                setNewMember('');
                void act(() => addGroupMember(workspaceId, group.id, userId));
              }}
            >
              Add
            </button>
          </div>
        )}
      </td>
      {canManage && (
        <td>
          <div className="row-actions">
            <button
              type="button"
              className="button"
              aria-label={`Edit group ${group.name}`}
              onClick={() => setEditing(true)}
            >
              Edit
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              aria-label={`Delete group ${group.name}`}
              onClick={() => void act(() => deleteGroup(workspaceId, group.id))}
            >
              Delete
            </button>
          </div>
        </td>
      )}
    </tr>
  );
}
