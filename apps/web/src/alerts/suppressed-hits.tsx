import { useLoad } from '../admin/use-load.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { DetailSection } from './detail-section.tsx';
import { EpochTime } from './epoch-time.tsx';
import { listSuppressions } from './suppressions-api.ts';
import { matchToText, type SuppressionView } from './parse-suppression.ts';
import { getSuppressedHits } from './suppressed-hits-api.ts';

const RECENT = 50;

/** What stopped a hit: the suppression rule's reason and matched values, or the rule exception's id. */
function Stopper({
  id,
  kind,
  rules,
}: {
  readonly id: string;
  readonly kind: string;
  readonly rules: readonly SuppressionView[];
}) {
  const rule = rules.find((r) => r.id === id);
  if (kind === 'excepted' || rule === undefined) {
    return (
      <>
        {kind === 'excepted' ? 'Rule exception' : 'Suppression rule (deleted)'} <code>{id}</code>
      </>
    );
  }
  return (
    <>
      {rule.reason || 'Suppression rule'} <code className="suppression-match">{matchToText(rule.match)}</code>
    </>
  );
}

/**
 * Hits that did not become alerts: counts per detection rule and suppression rule or exception, and
 * the latest hits, so that a suppression that hides too much shows up.
 */
export function SuppressedHits({ workspaceId }: { readonly workspaceId: string }) {
  const { state } = useLoad(`suppressed-hits:${workspaceId}`, async (signal) => {
    const [hits, rules] = await Promise.all([
      getSuppressedHits(workspaceId, RECENT, signal),
      listSuppressions(workspaceId, signal),
    ]);
    return { hits, rules };
  });
  return (
    <DetailSection title="Suppressed and excepted hits">
      {state.status === 'loading' && <p role="status">Loading the suppressed hits…</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' &&
        (state.data.hits.counts.length === 0 ? (
          <p>No hit has been suppressed or excepted.</p>
        ) : (
          <>
            <div className="table-scroll">
              <table className="data-table" data-rows={state.data.hits.counts.length}>
                <caption className="visually-hidden">Suppressed hits per rule</caption>
                <thead>
                  <tr>
                    <th scope="col">Detection rule</th>
                    <th scope="col">Suppressed</th>
                    <th scope="col">Excepted</th>
                    <th scope="col">Stopped by</th>
                    <th scope="col">Last</th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.hits.counts.map((c) => (
                    <tr key={c.ruleId} data-rule={c.ruleId}>
                      <td>
                        <code>{c.ruleId}</code>
                      </td>
                      <td>{c.suppressed}</td>
                      <td>{c.excepted}</td>
                      <td>
                        <ul className="plain-list">
                          {Object.entries(c.by).map(([id, n]) => (
                            <li key={id} data-by={id}>
                              {n} × <code>{id}</code>
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>
                        <EpochTime ms={c.lastAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="table-scroll">
              <table className="data-table" data-rows={state.data.hits.recent.length}>
                <caption>Latest suppressed hits</caption>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Detection rule</th>
                    <th scope="col">Why (reason and values)</th>
                    <th scope="col">Events</th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.hits.recent.map((h, i) => (
                    <tr key={`${h.at}-${h.by}-${i}`} data-kind={h.kind}>
                      <td>
                        <EpochTime ms={h.at} />
                      </td>
                      <td>
                        <code>{h.ruleId}</code>
                      </td>
                      <td>
                        <Stopper id={h.by} kind={h.kind} rules={state.data.rules} />
                      </td>
                      <td className="break-all">{h.eventIds.join(', ') || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ))}
    </DetailSection>
  );
}
