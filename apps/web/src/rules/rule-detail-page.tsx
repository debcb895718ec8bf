import { PermissionGate } from '../admin/permission-gate.tsx';
import { mayIn } from '../admin/access.ts';
import { useLoad } from '../admin/use-load.ts';
import { Link } from '../routing/link.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { BacktestPanel } from './backtest-panel.tsx';
import { ExceptionsSection } from './exceptions-section.tsx';
import { RuleAlertingSection } from '../alerts/rule-alerting-section.tsx';
import { RuleFacts } from './rule-facts.tsx';
import { rulesListHref } from './rule-links.ts';
import { RuleVersions } from './rule-versions.tsx';
import { getRule } from './rules-api.ts';
import { TestPanel } from './test-panel.tsx';

/** `/detection/rules/:ruleId`: one rule with its text, versions, counters and exceptions; test and backtest. */
export function RuleDetailPage({
  workspaceId,
  ruleId,
}: {
  readonly workspaceId: string;
  readonly ruleId: string;
}) {
  const { state, reload } = useLoad(ruleId, (signal) => getRule(workspaceId, ruleId, signal));
  const title = state.status === 'ready' ? state.data.title : 'Rule';
  return (
    <>
      <p className="back-link">
        <Link href={rulesListHref(workspaceId)}>All rules</Link>
      </p>
      <div className="page-header">
        <h1>{title}</h1>
      </div>
      <PermissionGate workspaceId={workspaceId} what="Reading detection rules" permissions={['rules.read']}>
        {(access) => (
          <>
            {state.status === 'loading' && <p role="status">Loading the rule…</p>}
            {state.status === 'failed' && <ErrorBanner error={state.error} />}
            {state.status === 'ready' && (
              <>
                <RuleFacts
                  workspaceId={workspaceId}
                  rule={state.data}
                  mayWrite={mayIn(access, workspaceId, 'rules.write')}
                  onChanged={reload}
                />
                {mayIn(access, workspaceId, 'rules.test') && (
                  <>
                    <TestPanel workspaceId={workspaceId} ruleId={ruleId} />
                    <BacktestPanel workspaceId={workspaceId} ruleId={ruleId} />
                  </>
                )}
                <ExceptionsSection
                  workspaceId={workspaceId}
                  ruleId={ruleId}
                  exceptions={state.data.exceptions}
                  mayWrite={mayIn(access, workspaceId, 'alerts.write') && state.data.type !== 'filter'}
                  correlation={state.data.type === 'correlation'}
                  onChanged={reload}
                />
                {state.data.type !== 'filter' && (
                  <RuleAlertingSection
                    workspaceId={workspaceId}
                    ruleId={ruleId}
                    mayWrite={mayIn(access, workspaceId, 'rules.write')}
                  />
                )}
                <RuleVersions versions={state.data.versions} current={state.data.text} />
              </>
            )}
          </>
        )}
      </PermissionGate>
    </>
  );
}
