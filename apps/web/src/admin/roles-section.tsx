import { useState } from 'react';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { RoleEditor } from './role-editor.tsx';
import { useAction } from './use-action.ts';
import { deleteRole, type Member, type RoleView } from './users-api.ts';

/** Built-in and custom roles; custom ones are created and edited from the catalogue, deleted when unused. */
export function RolesSection({
  workspaceId,
  roles,
  members,
  canManage,
  onChanged,
}: {
  readonly workspaceId: string;
  readonly roles: readonly RoleView[];
  readonly members: readonly Member[];
  readonly canManage: boolean;
  readonly onChanged: () => void;
}) {
  const [editing, setEditing] = useState<RoleView | 'new' | null>(null);
  const { busy, error, run } = useAction();
  const holders = (roleId: string) => members.filter((m) => m.roles.includes(roleId)).length;
  const remove = async (roleId: string) => {
    if (await run(() => deleteRole(workspaceId, roleId))) onChanged();
  };

  return (
    <section className="card" aria-labelledby="roles-heading">
      <div className="section-header">
        <h2 id="roles-heading">Roles</h2>
        {canManage && editing === null && (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            New custom role
          </button>
        )}
      </div>
      {editing !== null && (
        <RoleEditor
          key={editing === 'new' ? 'new' : editing.id}
          workspaceId={workspaceId}
          role={editing === 'new' ? undefined : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) onChanged();
          }}
        />
      )}
      <ErrorBanner error={error} />
      <div className="table-scroll">
        <table className="data-table roles-table">
          <caption className="visually-hidden">Roles of the workspace</caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Kind</th>
              <th scope="col">Permissions</th>
              <th scope="col">Members</th>
              {canManage && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {roles.map((r) => {
              const held = holders(r.id);
              return (
                <tr key={r.id} data-role={r.id}>
                  <th scope="row">
                    {r.name} <code className="muted">{r.id}</code>
                  </th>
                  <td>{r.builtIn ? 'Built-in' : 'Custom'}</td>
                  <td>
                    <details>
                      <summary>{r.permissions.length} permissions</summary>
                      <ul className="permission-list">
                        {r.permissions.map((p) => (
                          <li key={p}>
                            <code>{p}</code>
                          </li>
                        ))}
                      </ul>
                    </details>
                  </td>
                  <td className="numeric">{held}</td>
                  {canManage && (
                    <td>
                      {!r.builtIn && (
                        <div className="row-actions">
                          <button
                            type="button"
                            className="button"
                            aria-label={`Edit role ${r.name}`}
                            onClick={() => setEditing(r)}
                          >
                            Edit
                          </button>
                          <button
                            type="button"
                            className="button"
                            disabled={busy || held > 0}
                            title={held > 0 ? 'Revoke its grants first' : undefined}
                            aria-label={`Delete role ${r.name}`}
                            onClick={() => void remove(r.id)}
                          >
                            Delete
                          </button>
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
