import { mayIn } from '../admin/access.ts';
import { PermissionGate } from '../admin/permission-gate.tsx';
import { navigate } from '../routing/location-store.ts';
import { NotFoundPage } from '../shell/not-found-page.tsx';
import { EMPTY_DRAFT, ScheduledRuleForm } from './scheduled-rule-form.tsx';
import { ScheduledRuleDetail } from './scheduled-rule-detail.tsx';
import {
  scheduledListHref,
  scheduledRuleHref,
  SCHEDULED_PATH,
  type ScheduledRoute,
} from './scheduled-route.ts';
import { createScheduledRule } from './scheduled-rules-api.ts';
import { ScheduledRulesList } from './scheduled-rules-list.tsx';
import './scheduled-rules.css';

/** The scheduled-rule pages of one workspace (list, new, detail), behind `rules.read`. */
export function ScheduledRulesPage({
  workspaceId,
  route,
}: {
  readonly workspaceId: string;
  readonly route: ScheduledRoute;
}) {
  return (
    <PermissionGate workspaceId={workspaceId} what="Reading scheduled rules" permissions={['rules.read']}>
      {(access) => {
        const mayWrite = mayIn(access, workspaceId, 'rules.write');
        const mayTest = mayIn(access, workspaceId, 'rules.test');
        switch (route.kind) {
          case 'list':
            return <ScheduledRulesList workspaceId={workspaceId} mayWrite={mayWrite} />;
          case 'new':
            if (!mayWrite) return <NotFoundPage path={`${SCHEDULED_PATH}/new`} />;
            return (
              <>
                <div className="page-header">
                  <h1>New scheduled rule</h1>
                </div>
                <ScheduledRuleForm
                  initial={EMPTY_DRAFT}
                  submitLabel="Create rule"
                  onSubmit={async (draft) => {
                    const created = await createScheduledRule(workspaceId, draft);
                    navigate(
                      created === undefined
                        ? scheduledListHref(workspaceId)
                        : scheduledRuleHref(workspaceId, created.id),
                    );
                  }}
                />
              </>
            );
          case 'detail':
            return (
              <ScheduledRuleDetail
                key={`${workspaceId} ${route.id}`}
                workspaceId={workspaceId}
                ruleId={route.id}
                mayWrite={mayWrite}
                mayTest={mayTest}
              />
            );
        }
      }}
    </PermissionGate>
  );
}
