import { useEffect, useState } from 'react';
import { apiJson } from '../api/api-client.ts';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { categoryLabel, parsePrivacyStatement, type PrivacyStatement } from './parse-privacy.ts';

/** The public privacy statement (`GET /api/v1/privacy`): readable signed out, like any privacy notice. */
export function PrivacyPage() {
  const [statement, setStatement] = useState<PrivacyStatement | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    apiJson('GET', '/api/v1/privacy', undefined, { signal: controller.signal })
      .then((body) => setStatement(parsePrivacyStatement(body)))
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(asApiError(e));
      });
    return () => controller.abort();
  }, []);
  return (
    <>
      <div className="page-header">
        <h1>Privacy</h1>
      </div>
      <ErrorBanner error={error} />
      {statement && <Statement statement={statement} />}
    </>
  );
}

function Statement({ statement }: { readonly statement: PrivacyStatement }) {
  return (
    <>
      <section className="card" aria-labelledby="controller-heading">
        <h2 id="controller-heading">Who is responsible</h2>
        <dl className="facts">
          <dt>Controller</dt>
          <dd data-testid="privacy-controller">{statement.controllerName}</dd>
          <dt>Contact</dt>
          <dd>{statement.contact ?? 'Not configured: ask the administrator of this installation.'}</dd>
          <dt>Storage location</dt>
          <dd>{statement.storageLocation}</dd>
          {statement.retentionDays !== undefined && (
            <>
              <dt>Disabled accounts anonymised after</dt>
              <dd>{statement.retentionDays} days</dd>
            </>
          )}
        </dl>
      </section>
      <section className="card" aria-labelledby="data-heading">
        <h2 id="data-heading">What is collected, why, and for how long</h2>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Data</th>
                <th scope="col">Purposes</th>
                <th scope="col">Retention</th>
              </tr>
            </thead>
            <tbody>
              {statement.dataTypes.map((d) => (
                <tr key={d.category}>
                  <th scope="row">
                    {categoryLabel(d.category)}
                    <div className="muted">{d.items.join(', ')}</div>
                  </th>
                  <td>{d.purposes.join('; ')}</td>
                  <td>{d.retention.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="rights-heading">
        <h2 id="rights-heading">Your rights</h2>
        <ul>
          {statement.rights.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {statement.profiling !== undefined && <p>{statement.profiling}</p>}
        <p>
          Signed in, you can use these on your <a href="/account#personal-data">account page</a>.
        </p>
      </section>
    </>
  );
}
