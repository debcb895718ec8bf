import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { TextField } from '../shell/text-field.tsx';
import { PermissionChecklist } from './permission-checklist.tsx';
import { useAction } from './use-action.ts';
import { putRole, type RoleView } from './users-api.ts';

const ROLE_ID = /^[a-z][a-z0-9-]{1,39}$/u;

/** Creates a custom role (`role` undefined) or changes one: a name and permissions from the catalogue. */
export function RoleEditor({
  workspaceId,
  role,
  onClose,
}: {
  readonly workspaceId: string;
  readonly role: RoleView | undefined;
  readonly onClose: (saved: boolean) => void;
}) {
  const [id, setId] = useState(role?.id ?? '');
  const [name, setName] = useState(role?.name ?? '');
  const [permissions, setPermissions] = useState<ReadonlySet<string>>(new Set(role?.permissions ?? []));
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (role === undefined && !ROLE_ID.test(id)) {
      setProblem(
        'The role id is 2–40 characters: lowercase letters, digits and dashes, starting with a letter.',
      );
      return;
    }
    if (permissions.size === 0) {
      setProblem('Choose at least one permission.');
      return;
    }
    setProblem(null);
    if (
      await run(() => putRole(workspaceId, id, { name: name.trim(), permissions: [...permissions].sort() }))
    )
      onClose(true);
  };

  return (
    <form
      className="role-editor"
      aria-label={role ? `Edit role ${role.name}` : 'New custom role'}
      onSubmit={(e) => void submit(e)}
    >
      {role === undefined && (
        <TextField
          label="Role id"
          value={id}
          onChange={setId}
          required
          maxLength={40}
          pattern="[a-z][a-z0-9\-]{1,39}"
          autoComplete="off"
        />
      )}
      <TextField label="Role name" value={name} onChange={setName} required maxLength={80} />
      <PermissionChecklist selected={permissions} onChange={setPermissions} />
      {problem !== null && (
        <p className="banner banner-error" role="alert">
          {problem}
        </p>
      )}
      <ErrorBanner error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save role'}
        </button>
        <button type="button" className="button" onClick={() => onClose(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
