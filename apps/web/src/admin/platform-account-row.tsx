import { ErrorBanner } from '../shell/error-banner.tsx';
import { GrantRoleControl } from './grant-role-control.tsx';
import {
  grantPlatformRole,
  revokePlatformRole,
  type PlatformAccount,
  type PlatformRole,
} from './platform-roles-api.ts';
import { useAction } from './use-action.ts';

/** One account: its platform roles (revocable) and a grant control; the server's refusals shown inline. */
export function PlatformAccountRow({
  account,
  roles,
  isSelf,
  onChanged,
}: {
  readonly account: PlatformAccount;
  readonly roles: readonly PlatformRole[];
  readonly isSelf: boolean;
  readonly onChanged: () => void;
}) {
  const { busy, error, run } = useAction();
  const name = account.username;
  const roleName = (id: string) => roles.find((r) => r.id === id)?.name ?? id;
  const act = async (action: () => Promise<unknown>) => {
    if (await run(action)) onChanged();
  };
  // Every role not held is offered, conflicting ones too: the server's refusal explains the rule.
  const grantable = roles
    .filter((r) => !account.platformRoles.includes(r.id))
    .map((r) => ({ id: r.id, name: r.name, builtIn: true, permissions: r.permissions }));
  return (
    <tr data-username={name}>
      <th scope="row">
        {name}
        {isSelf && <span className="muted small"> (you)</span>}
        {account.displayName !== undefined && <div className="muted">{account.displayName}</div>}
        {account.disabled && <div className="badge badge-error">Disabled</div>}
      </th>
      <td>
        {account.platformRoles.length === 0 ? (
          <span className="muted">No platform role</span>
        ) : (
          <ul className="role-list" aria-label={`Platform roles of ${name}`}>
            {account.platformRoles.map((r) => (
              <li key={r}>
                {roleName(r)}
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  aria-label={`Revoke ${roleName(r)} from ${name}`}
                  onClick={() => void act(() => revokePlatformRole(account.id, r))}
                >
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <GrantRoleControl
          username={name}
          roles={grantable}
          busy={busy}
          onGrant={(role) => void act(() => grantPlatformRole(account.id, role))}
        />
        <ErrorBanner error={error} />
      </td>
    </tr>
  );
}
