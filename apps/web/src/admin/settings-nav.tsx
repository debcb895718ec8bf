import { useSession } from '../auth/session-store.ts';
import { Link } from '../routing/link.tsx';
import { useCurrentWorkspace } from '../workspaces/current-workspace.ts';
import { SETTINGS_SECTIONS } from './settings-sections.ts';

/** Local navigation between the settings pages; the links keep the workspace in view. */
export function SettingsNav({ activePath }: { readonly activePath: string }) {
  const session = useSession();
  const workspaceId = useCurrentWorkspace(session.status === 'signed-in' ? session.workspaces : []);
  const query =
    new URLSearchParams(window.location.search).has('workspace') && workspaceId !== undefined
      ? `?workspace=${encodeURIComponent(workspaceId)}`
      : '';
  return (
    <nav className="settings-nav" aria-label="Settings">
      <ul>
        {SETTINGS_SECTIONS.map((s) => (
          <li key={s.path}>
            <Link href={s.path + query} aria-current={s.path === activePath ? 'page' : undefined}>
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
