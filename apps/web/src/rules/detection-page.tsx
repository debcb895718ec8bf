import { WorkspaceScope } from '../admin/workspace-scope.tsx';
import { useLocationPath } from '../routing/location-store.ts';
import { normalisePath } from '../routing/match-route.ts';
import { NotFoundPage } from '../shell/not-found-page.tsx';
import { RuleDetailPage } from './rule-detail-page.tsx';
import { RulesListPage } from './rules-list-page.tsx';
import { CoveragePage } from '../coverage/coverage-page.tsx';
import { COVERAGE_PATH, DetectionTabs } from '../coverage/detection-tabs.tsx';
import { scheduledRoute } from '../scheduled-rules/scheduled-route.ts';
import { ScheduledRulesPage } from '../scheduled-rules/scheduled-rules-page.tsx';
import '../search/search.css';
import './rules.css';

const DETAIL = /^\/detection\/rules\/([^/]+)$/;

/** `/detection` (the rules of the workspace in view), `/detection/rules/:ruleId` and `/detection/coverage`. */
export function DetectionPage() {
  const path = normalisePath(useLocationPath());
  const detail = DETAIL.exec(path);
  const coverage = path === COVERAGE_PATH;
  const scheduled = scheduledRoute(path);
  if (path !== '/detection' && !coverage && !scheduled && !detail) return <NotFoundPage path={path} />;
  const ruleId = detail?.[1] === undefined ? undefined : safeDecode(detail[1]);
  return (
    <WorkspaceScope>
      {(workspaceId) => (
        <>
          <DetectionTabs
            workspaceId={workspaceId}
            active={coverage ? 'coverage' : scheduled ? 'scheduled' : 'rules'}
          />
          {scheduled ? (
            <ScheduledRulesPage key={workspaceId} workspaceId={workspaceId} route={scheduled} />
          ) : coverage ? (
            <CoveragePage key={workspaceId} workspaceId={workspaceId} />
          ) : ruleId === undefined ? (
            <RulesListPage key={workspaceId} workspaceId={workspaceId} />
          ) : (
            <RuleDetailPage key={`${workspaceId} ${ruleId}`} workspaceId={workspaceId} ruleId={ruleId} />
          )}
        </>
      )}
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
