import { useId, useState } from 'react';
import type { RoleView } from './users-api.ts';

/** Picks a role the member does not hold yet and grants it. */
export function GrantRoleControl({
  username,
  roles,
  busy,
  onGrant,
}: {
  readonly username: string;
  readonly roles: readonly RoleView[];
  readonly busy: boolean;
  readonly onGrant: (roleId: string) => void;
}) {
  const id = useId();
  const [choice, setChoice] = useState('');
  if (roles.length === 0) return null;
  const selected = roles.some((r) => r.id === choice) ? choice : '';
  return (
    <div className="grant-role">
      <label htmlFor={id} className="visually-hidden">
        Role to grant to {username}
      </label>
      <select id={id} value={selected} onChange={(e) => setChoice(e.target.value)}>
        <option value="">Add a role…</option>
        {roles.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        disabled={busy || selected === ''}
        aria-label={`Grant the chosen role to ${username}`}
        onClick={() => {
          onGrant(selected);
          setChoice('');
        }}
      >
        Grant
      </button>
    </div>
  );
}
