import { Link } from '../routing/link.tsx';
import { rulesListHref } from '../rules/rule-links.ts';
import { scheduledListHref } from '../scheduled-rules/scheduled-route.ts';

export const COVERAGE_PATH = '/detection/coverage';

export const coverageHref = (workspaceId: string) =>
  `${COVERAGE_PATH}?${new URLSearchParams({ workspace: workspaceId }).toString()}`;

/** The sections of the Detection area: its rules and their ATT&CK coverage. */
export function DetectionTabs({
  workspaceId,
  active,
}: {
  readonly workspaceId: string;
  readonly active: 'rules' | 'coverage' | 'scheduled';
}) {
  return (
    <nav className="detection-tabs" aria-label="Detection sections">
      <Link href={rulesListHref(workspaceId)} aria-current={active === 'rules' ? 'page' : undefined}>
        Rules
      </Link>
      <Link href={scheduledListHref(workspaceId)} aria-current={active === 'scheduled' ? 'page' : undefined}>
        Scheduled rules
      </Link>
      <Link href={coverageHref(workspaceId)} aria-current={active === 'coverage' ? 'page' : undefined}>
        ATT&amp;CK coverage
      </Link>
    </nav>
  );
}
