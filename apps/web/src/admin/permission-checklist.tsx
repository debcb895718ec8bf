import { fetchWorkspacePermissions, permissionAreas } from './permissions-api.ts';
import { useLoad } from './use-load.ts';

/** The workspace permission catalogue (from the server) as checkboxes, grouped by area. */
export function PermissionChecklist({
  selected,
  onChange,
}: {
  readonly selected: ReadonlySet<string>;
  readonly onChange: (next: ReadonlySet<string>) => void;
}) {
  const { state } = useLoad('permissions', fetchWorkspacePermissions);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  if (state.status === 'loading') return <p className="muted">Loading the permission catalogue…</p>;
  if (state.status === 'failed') {
    return (
      <p role="alert" className="inline-error">
        The permission catalogue could not be loaded: {state.error.message}
      </p>
    );
  }
  const permissions = state.data;
  return (
    <fieldset className="permission-checklist">
      <legend>Permissions ({selected.size} chosen)</legend>
      {permissionAreas(permissions).map((area) => (
        <div key={area} className="permission-group" role="group" aria-label={area}>
          {permissions
            .filter((p) => p.id.startsWith(`${area}.`))
            .map((p) => (
              <label key={p.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={selected.has(p.id)}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />
                <code>{p.id}</code> <span className="muted">{p.description}</span>
              </label>
            ))}
        </div>
      ))}
    </fieldset>
  );
}
