import type { OverviewView } from './parse-overview.ts';

const points = (x: number) => (Math.round(x * 10) / 10).toString();

/** The security score and, input by input, the points it earned of its weight and why. */
export function ScorePanel({
  view,
  aggregated,
}: {
  readonly view: OverviewView;
  readonly aggregated: boolean;
}) {
  return (
    <section className="card overview-score" aria-labelledby="overview-score-title">
      <h2 id="overview-score-title">Security score</h2>
      <p className="score-figure">
        <span className="score-value" data-testid="security-score">
          {view.score}
        </span>
        <span className="muted"> / 100</span>
      </p>
      <meter
        min={0}
        max={100}
        low={50}
        high={80}
        optimum={100}
        value={view.score}
        aria-label="Security score"
      >
        {view.score}
      </meter>
      {aggregated && view.minScore !== undefined && (
        <p className="muted">Lowest workspace score: {view.minScore}.</p>
      )}
      <div className="table-scroll">
        <table className="data-table score-inputs">
          <caption>How the score is made: each input earns up to its weight in points.</caption>
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col">Value</th>
              <th scope="col">Points</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {view.inputs.map((i) => (
              <tr key={i.id} data-input={i.id}>
                <th scope="row">{i.label}</th>
                <td>{i.value}</td>
                <td>
                  {points(i.contribution)} of {i.weight}
                </td>
                <td>{i.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
