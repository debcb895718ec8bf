// The workspace switcher: shown once the account is signed in and holds a role in some workspace.
// Choosing one puts `?workspace=` in the address, so workspace-scoped pages follow it.
import { useId } from 'react';
import { navigate } from '../routing/location-store.ts';
import type { WorkspaceOption } from './parse-workspaces.ts';
import { pathWithWorkspace, useCurrentWorkspace } from './current-workspace.ts';

export function WorkspaceSwitcher({ workspaces }: { readonly workspaces: readonly WorkspaceOption[] }) {
  const id = useId();
  const current = useCurrentWorkspace(workspaces);
  if (workspaces.length === 0) return null;
  const known = workspaces.some((w) => w.id === current);
  return (
    <div className="workspace-switcher">
      <label htmlFor={id}>Workspace</label>
      <select
        id={id}
        value={known ? current : ''}
        onChange={(event) => navigate(pathWithWorkspace(event.target.value))}
      >
        {!known && (
          <option value="" disabled>
            {current ?? 'Choose…'}
          </option>
        )}
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.archived ? `${w.name} (archived, read-only)` : w.name}
          </option>
        ))}
      </select>
    </div>
  );
}
