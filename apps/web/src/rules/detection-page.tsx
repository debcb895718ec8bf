import { WorkspaceScope } from '../admin/workspace-scope.tsx';
import { useLocationPath } from '../routing/location-store.ts';
import { normalisePath } from '../routing/match-route.ts';
import { NotFoundPage } from '../shell/not-found-page.tsx';
import { RuleDetailPage } from './rule-detail-page.tsx';
import { RulesListPage } from './rules-list-page.tsx';
import '../search/search.css';
import './rules.css';

const DETAIL = /^\/detection\/rules\/([^/]+)$/;

/** `/detection` (the rules of the workspace in view) and `/detection/rules/:ruleId`. */
export function DetectionPage() {
  const path = normalisePath(useLocationPath());
  const detail = DETAIL.exec(path);
  if (path !== '/detection' && !detail) return <NotFoundPage path={path} />;
  const ruleId = detail?.[1] === undefined ? undefined : safeDecode(detail[1]);
  return (
    <WorkspaceScope>
      {(workspaceId) =>
        ruleId === undefined ? (
          <RulesListPage key={workspaceId} workspaceId={workspaceId} />
        ) : (
          <RuleDetailPage key={`${workspaceId} ${ruleId}`} workspaceId={workspaceId} ruleId={ruleId} />
        )
      }
    </WorkspaceScope>
  );
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
