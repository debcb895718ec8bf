// Placeholder workspace switcher: it stays absent until the server lists workspaces. Until that API
// exists the request answers 401/404 (or fails) and nothing is rendered.
import { useEffect, useId, useState } from 'react';
import { fetchJson } from '../status/fetch-json.ts';
import { parseWorkspaces, type WorkspaceOption } from './parse-workspaces.ts';

export function WorkspaceSwitcher() {
  const [workspaces, setWorkspaces] = useState<readonly WorkspaceOption[]>([]);
  const [selected, setSelected] = useState('');
  const id = useId();

  useEffect(() => {
    const controller = new AbortController();
    void fetchJson('/api/v1/workspaces', controller.signal).then((result) => {
      if (controller.signal.aborted || result.kind !== 'response' || result.status !== 200) return;
      const options = parseWorkspaces(result.body);
      setWorkspaces(options);
      setSelected(options[0]?.id ?? '');
    });
    return () => controller.abort();
  }, []);

  if (workspaces.length === 0) return null;
  return (
    <div className="workspace-switcher">
      <label htmlFor={id}>Workspace</label>
      <select id={id} value={selected} onChange={(event) => setSelected(event.target.value)}>
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
    </div>
  );
}
