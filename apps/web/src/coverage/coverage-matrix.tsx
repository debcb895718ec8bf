import type { TechniqueCoverage } from './coverage-api.ts';
import { STATE_LABELS } from './coverage-api.ts';
import type { MatrixColumn } from './coverage-filter.ts';

function Cell({
  technique: t,
  selected,
  onSelect,
}: {
  readonly technique: TechniqueCoverage;
  readonly selected: boolean;
  readonly onSelect: (id: string) => void;
}) {
  const rules = t.enabledRules === 1 ? '1 enabled rule' : `${t.enabledRules} enabled rules`;
  return (
    <li>
      <button
        type="button"
        className={`coverage-cell state-${t.state}${t.parent === undefined ? '' : ' coverage-sub'}`}
        aria-pressed={selected}
        aria-label={`${t.id} ${t.name}: ${STATE_LABELS[t.state]}, ${rules}`}
        data-technique={t.id}
        data-state={t.state}
        onClick={() => onSelect(t.id)}
      >
        <span className="coverage-cell-id">{t.id}</span>
        <span className="coverage-cell-name">{t.name}</span>
        {t.rules.length > 0 && <span className="coverage-cell-count">{t.enabledRules}</span>}
      </button>
    </li>
  );
}

/** The ATT&CK matrix: one column per tactic, one cell per technique coloured by its coverage state. */
export function CoverageMatrix({
  columns,
  selected,
  onSelect,
}: {
  readonly columns: readonly MatrixColumn[];
  readonly selected: string | undefined;
  readonly onSelect: (id: string) => void;
}) {
  return (
    <div className="coverage-matrix" role="group" aria-label="ATT&CK matrix">
      {columns.map((c) => (
        <section key={c.tactic} className="coverage-column" aria-label={c.name}>
          <h3 className="coverage-column-title">
            {c.name}{' '}
            <span className="muted small">({c.techniques.filter((t) => t.parent === undefined).length})</span>
          </h3>
          <ul className="coverage-cells">
            {c.techniques.map((t) => (
              <Cell key={t.id} technique={t} selected={selected === t.id} onSelect={onSelect} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
