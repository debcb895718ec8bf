import { useId, useState, type FormEvent } from 'react';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { TextField } from '../shell/text-field.tsx';
import { OneTimeSecret } from './one-time-secret.tsx';
import { temporaryPassword } from './temporary-password.ts';
import { useAction } from './use-action.ts';
import { createUser, grantRole, type RoleView } from './users-api.ts';

/**
 * Creates an account with a generated temporary password (shown once; the account must change it at first
 * sign-in) and grants it a first role, since an account without a role is not a member of any workspace.
 */
export function CreateUserForm({
  workspaceId,
  roles,
  canGrant,
  onCreated,
}: {
  readonly workspaceId: string;
  readonly roles: readonly RoleView[];
  readonly canGrant: boolean;
  readonly onCreated: () => void;
}) {
  const id = useId();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState('viewer');
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const { busy, error, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const password = temporaryPassword();
    const name = username.trim();
    let userId: string | undefined;
    const ok = await run(async () => {
      userId = await createUser(workspaceId, {
        username: name,
        password,
        ...(displayName.trim() === '' ? {} : { displayName: displayName.trim() }),
      });
      await grantRole(workspaceId, userId, role);
    });
    if (userId !== undefined) {
      setCreated({ username: name, password });
      setUsername('');
      setDisplayName('');
    }
    if (ok) onCreated();
  };

  return (
    <>
      <form className="inline-form" aria-label="Create a user" onSubmit={(e) => void submit(e)}>
        <TextField
          label="Username"
          value={username}
          onChange={setUsername}
          required
          maxLength={64}
          autoComplete="off"
        />
        <TextField
          label="Display name (optional)"
          value={displayName}
          onChange={setDisplayName}
          maxLength={200}
        />
        <div className="field">
          <label htmlFor={`${id}-role`}>First role</label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(e) => setRole(e.target.value)}
            disabled={!canGrant}
          >
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={busy || !canGrant}>
          {busy ? 'Creating…' : 'Create user'}
        </button>
      </form>
      {!canGrant && (
        <p className="muted">Creating a user also grants a first role, which needs roles.manage.</p>
      )}
      {error && created !== null && (
        <p className="banner banner-error" role="alert">
          The account {created.username} was created, but the role could not be granted: {error.message} It is
          not a member of this workspace until a role is granted.
        </p>
      )}
      {error && created === null && <ErrorBanner error={error} />}
      {created && (
        <OneTimeSecret
          label={`Temporary password for ${created.username}`}
          secret={created.password}
          warning="it is shown only now. Give it to the user over a trusted channel; they must choose a new password when they first sign in."
          onDone={() => setCreated(null)}
        />
      )}
    </>
  );
}
