import { alertPath } from '../alerts/case-links.ts';
import { EpochTime } from '../alerts/epoch-time.tsx';
import { SeverityBadge } from '../alerts/severity-badge.tsx';
import { Link } from '../routing/link.tsx';
import type { KillChainView } from './parse-incident.ts';

/** The 14 ATT&CK tactics in kill-chain order, each with the incident's alerts on it (earliest first). */
export function KillChainTable({
  workspaceId,
  killChain,
}: {
  readonly workspaceId: string;
  readonly killChain: KillChainView;
}) {
  const furthest = killChain.columns.find((c) => c.tactic === killChain.furthestTactic);
  return (
    <>
      <p>
        {furthest === undefined
          ? 'No alert of this incident is mapped to an ATT&CK tactic.'
          : `Furthest tactic reached: ${furthest.name}. ${
              killChain.monotonic
                ? 'Over time the attack only moved forward along the kill chain.'
                : 'Over time the attack went back to earlier tactics.'
            }`}
      </p>
      <div className="table-scroll">
        <table className="data-table kill-chain-table">
          <caption className="visually-hidden">Kill chain</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Tactic</th>
              <th scope="col">First seen</th>
              <th scope="col">Alerts</th>
            </tr>
          </thead>
          <tbody>
            {killChain.columns.map((c, i) => (
              <tr
                key={c.tactic}
                data-tactic={c.tactic}
                className={c.alerts.length > 0 ? 'kill-chain-hit' : 'kill-chain-empty'}
              >
                <td>{i + 1}</td>
                <th scope="row">
                  {c.name} <span className="muted">({c.id})</span>
                </th>
                <td>
                  <EpochTime ms={c.firstSeenAt} />
                </td>
                <td>
                  {c.alerts.length === 0 ? (
                    <span className="muted">None</span>
                  ) : (
                    <ul className="inline-list">
                      {c.alerts.map((a) => (
                        <li key={a.alertId}>
                          <SeverityBadge severity={a.severity} />{' '}
                          <Link href={alertPath(workspaceId, a.alertId)}>{a.title}</Link>
                          {a.techniques.length > 0 && (
                            <span className="muted"> {a.techniques.join(', ')}</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {killChain.unmapped.length > 0 && (
        <p className="muted">{killChain.unmapped.length} alert(s) have no ATT&CK tactic.</p>
      )}
    </>
  );
}
