import { useState } from 'react';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { DateTime } from './date-time.tsx';
import { GrantRoleControl } from './grant-role-control.tsx';
import { OneTimeSecret } from './one-time-secret.tsx';
import { temporaryPassword } from './temporary-password.ts';
import { useAction } from './use-action.ts';
import {
  forcePasswordReset,
  grantRole,
  revokeRole,
  setDisabled,
  type Member,
  type RoleView,
} from './users-api.ts';

export interface MemberPermissions {
  readonly manageUsers: boolean;
  readonly manageRoles: boolean;
}

/** One member: status, roles (revocable), and the grant, reset and disable/enable controls. */
export function MemberRow({
  workspaceId,
  member,
  roles,
  isSelf,
  may,
  onChanged,
}: {
  readonly workspaceId: string;
  readonly member: Member;
  readonly roles: readonly RoleView[];
  readonly isSelf: boolean;
  readonly may: MemberPermissions;
  readonly onChanged: () => void;
}) {
  const { busy, error, run } = useAction();
  const [reset, setReset] = useState<string | null>(null);
  const name = member.username;
  const roleName = (id: string) => roles.find((r) => r.id === id)?.name ?? id;
  const act = async (action: () => Promise<unknown>) => {
    if (await run(action)) onChanged();
  };
  const resetPassword = async () => {
    const password = temporaryPassword();
    if (await run(() => forcePasswordReset(workspaceId, member.id, password))) setReset(password);
  };

  return (
    <tr data-username={name}>
      <th scope="row">
        {name}
        {member.displayName !== undefined && <div className="muted">{member.displayName}</div>}
        <div className="muted small">
          since <DateTime iso={member.createdAt} />
        </div>
      </th>
      <td>
        <span className={member.disabled ? 'badge badge-error' : 'badge badge-ok'}>
          {member.disabled ? 'Disabled' : 'Active'}
        </span>
        {member.mustChangePassword && <div className="small">Must change password</div>}
        <div className="small">{member.mfaEnabled ? 'Two-factor on' : 'Two-factor off'}</div>
      </td>
      <td>
        {member.groups.length > 0 && (
          <div className="small muted">Also through groups: {member.groups.join(', ')}</div>
        )}
        <ul className="role-list" aria-label={`Roles of ${name}`}>
          {member.roles.map((r) => (
            <li key={r}>
              {roleName(r)}
              {may.manageRoles && (
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  aria-label={`Revoke ${roleName(r)} from ${name}`}
                  onClick={() => void act(() => revokeRole(workspaceId, member.id, r))}
                >
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
        {may.manageRoles && (
          <GrantRoleControl
            username={name}
            roles={roles.filter((r) => !member.roles.includes(r.id))}
            busy={busy}
            onGrant={(role) => void act(() => grantRole(workspaceId, member.id, role))}
          />
        )}
      </td>
      <td>
        {may.manageUsers && (
          <div className="row-actions">
            <button
              type="button"
              className="button"
              disabled={busy}
              aria-label={`Force a password reset for ${name}`}
              onClick={() => void resetPassword()}
            >
              Reset password
            </button>
            {!isSelf && (
              <button
                type="button"
                className="button"
                disabled={busy}
                aria-label={`${member.disabled ? 'Enable' : 'Disable'} ${name}`}
                onClick={() => void act(() => setDisabled(workspaceId, member.id, !member.disabled))}
              >
                {member.disabled ? 'Enable' : 'Disable'}
              </button>
            )}
          </div>
        )}
        <ErrorBanner error={error} />
        {reset !== null && (
          <OneTimeSecret
            label={`Temporary password for ${name}`}
            secret={reset}
            warning={`it is shown only now. ${name}'s sessions were ended; they must choose a new password at the next sign-in.`}
            onDone={() => {
              setReset(null);
              onChanged();
            }}
          />
        )}
      </td>
    </tr>
  );
}
