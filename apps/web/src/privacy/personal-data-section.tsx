import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { redirectIfSignedOut } from '../auth/redirect-if-signed-out.ts';
import { Link } from '../routing/link.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { CorrectProfileForm } from './correct-profile-form.tsx';
import { DeleteAccountForm } from './delete-account-form.tsx';
import { downloadPersonalData, fetchPersonalData } from './personal-data-api.ts';
import type { PersonalDataSummary } from './parse-privacy.ts';
import './privacy.css';

/** The account page's "Personal data" section: what Vigil keeps about you, correct, export, delete. */
export function PersonalDataSection() {
  const [data, setData] = useState<PersonalDataSummary | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [exporting, setExporting] = useState(false);

  const load = useCallback((signal?: AbortSignal) => {
    fetchPersonalData(signal)
      .then(setData)
      .catch((e: unknown) => {
        if (signal?.aborted === true) return;
        const err = asApiError(e);
        if (!redirectIfSignedOut(err)) setError(err);
      });
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  async function exportData() {
    setExporting(true);
    setError(null);
    try {
      await downloadPersonalData();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setExporting(false);
    }
  }

  return (
    <section className="card" id="personal-data" aria-labelledby="personal-data-heading">
      <h2 id="personal-data-heading">Personal data</h2>
      <p>
        What Vigil keeps about you. See the <Link href="/privacy">privacy statement</Link> for purposes and
        retention.
      </p>
      <ErrorBanner error={error} />
      {data && (
        <>
          <dl className="facts" data-testid="personal-data-facts">
            <dt>Email</dt>
            <dd>{data.email ?? 'None'}</dd>
            <dt>Sign-in</dt>
            <dd>
              {data.signInMethod === 'sso' ? 'Single sign-on' : 'Password'}
              {data.mfaEnabled ? ' and authenticator app' : ''}
            </dd>
            <dt>Roles</dt>
            <dd>{data.grants.length === 0 ? 'None' : data.grants.join(', ')}</dd>
            <dt>Active sessions</dt>
            <dd>
              <ul>
                {data.sessions.map((s, i) => (
                  <li key={`${s.lastSeenAt}-${String(i)}`}>
                    {s.clientIp} · {s.userAgent}
                    {s.current ? ' (this session)' : ''}
                  </li>
                ))}
              </ul>
            </dd>
            <dt>API keys you created</dt>
            <dd>{data.apiKeys.length === 0 ? 'None' : data.apiKeys.join(', ')}</dd>
            <dt>Audit records of your actions</dt>
            <dd>{data.auditRecords}</dd>
          </dl>
          <div className="personal-data-actions">
            <button className="button" type="button" disabled={exporting} onClick={() => void exportData()}>
              Export my data (JSON)
            </button>
          </div>
          <h3>Correct your details</h3>
          <CorrectProfileForm data={data} onSaved={() => load()} />
          <h3>Delete your account</h3>
          <DeleteAccountForm sso={data.signInMethod === 'sso'} />
        </>
      )}
    </section>
  );
}
