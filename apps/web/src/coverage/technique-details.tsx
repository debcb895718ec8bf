import { useEffect, useId, useRef } from 'react';
import { Link } from '../routing/link.tsx';
import { LevelBadge } from '../rules/level-badge.tsx';
import { ruleHref } from '../rules/rule-links.ts';
import { STATE_LABELS, type DataSeen, type TechniqueCoverage } from './coverage-api.ts';

const when = (iso: string | undefined) => (iso === undefined ? 'never' : new Date(iso).toLocaleString());

function dataText(d: DataSeen): string {
  if (!d.routed) return `${d.logsource}: no known event source`;
  return d.lastSeen === undefined
    ? `${d.logsource}: never seen`
    : `${d.logsource}: last seen ${when(d.lastSeen)}`;
}

/** One technique: its ATT&CK facts, and each rule with the data it needs and its health. */
export function TechniqueDetails({
  workspaceId,
  technique: t,
  windowDays,
  onClose,
}: {
  readonly workspaceId: string;
  readonly technique: TechniqueCoverage;
  readonly windowDays: number;
  readonly onClose: () => void;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The details open above the matrix: bring them into view and give keyboard users their place.
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'nearest' });
    heading.current?.focus({ preventScroll: true });
  }, [t.id]);
  return (
    <section className="card coverage-details" aria-labelledby={`${id}-title`}>
      <div className="coverage-details-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {t.id} {t.name}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      <dl className="facts">
        <dt>State</dt>
        <dd>
          <span className={`coverage-swatch state-${t.state}`} aria-hidden="true" /> {STATE_LABELS[t.state]}
        </dd>
        <dt>Tactics</dt>
        <dd>{t.tactics.join(', ')}</dd>
        <dt>Platforms</dt>
        <dd>{t.platforms.join(', ') || '—'}</dd>
        <dt>ATT&amp;CK data sources</dt>
        <dd>{t.dataSources.join(', ') || '—'}</dd>
        <dt>Hits</dt>
        <dd>
          {t.hits} (last {when(t.lastHit)})
        </dd>
      </dl>
      {t.rules.length === 0 ? (
        <p>No rule is tagged with this technique.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Rules for {t.id}</caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Level</th>
                <th scope="col">Enabled</th>
                <th scope="col">Data in the last {windowDays} days</th>
                <th scope="col">Hits</th>
                <th scope="col">Last hit</th>
                <th scope="col">Errors</th>
              </tr>
            </thead>
            <tbody>
              {t.rules.map((r) => (
                <tr key={r.id} data-rule-id={r.id}>
                  <th scope="row">
                    <Link href={ruleHref(workspaceId, r.id)}>{r.title}</Link>
                    {r.via !== undefined && <span className="muted small"> (via {r.via})</span>}
                  </th>
                  <td>
                    <LevelBadge level={r.level} />
                  </td>
                  <td>{r.enabled ? 'yes' : 'no'}</td>
                  <td>
                    <span className={r.dataSeen ? 'badge badge-ok' : 'badge badge-unknown'}>
                      {r.dataSeen ? 'seen' : 'not seen'}
                    </span>
                    <ul className="coverage-data-list">
                      {r.data.map((d) => (
                        <li key={d.logsource}>{dataText(d)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>{r.hits}</td>
                  <td>{when(r.lastHit)}</td>
                  <td>{r.errors.length === 0 ? 'none' : r.errors.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
