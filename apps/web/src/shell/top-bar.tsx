import { Link } from '../routing/link.tsx';
import { WorkspaceSwitcher } from '../workspaces/workspace-switcher.tsx';

export function TopBar() {
  return (
    <header className="top-bar">
      <Link href="/" className="brand">
        <img src="/favicon.svg" alt="" width="24" height="24" />
        <span>Vigil</span>
      </Link>
      <WorkspaceSwitcher />
    </header>
  );
}
