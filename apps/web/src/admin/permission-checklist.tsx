import { WORKSPACE_PERMISSIONS } from './permission-catalogue.ts';

/** The catalogue's area prefixes (`alerts.read` → `alerts`), in catalogue order. */
const AREAS = [...new Set(WORKSPACE_PERMISSIONS.map((p) => p.id.split('.')[0] ?? p.id))];

/** The workspace permission catalogue as checkboxes, grouped by area. */
export function PermissionChecklist({
  selected,
  onChange,
}: {
  readonly selected: ReadonlySet<string>;
  readonly onChange: (next: ReadonlySet<string>) => void;
}) {
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className="permission-checklist">
      <legend>Permissions ({selected.size} chosen)</legend>
      {AREAS.map((area) => (
        <div key={area} className="permission-group" role="group" aria-label={area}>
          {WORKSPACE_PERMISSIONS.filter((p) => p.id.startsWith(`${area}.`)).map((p) => (
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
