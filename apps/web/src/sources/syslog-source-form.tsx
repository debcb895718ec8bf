import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error.ts';
import { listDataSpaces } from '../admin/tokens-api.ts';
import { useAction } from '../admin/use-action.ts';
import { useLoad } from '../admin/use-load.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { certificateFingerprint } from './certificate-fingerprint.ts';
import { syslogSourceField } from './syslog-source-field.ts';
import { createSyslogSource, type SyslogMatch, type SyslogSourceView } from './syslog-sources-api.ts';

const FINGERPRINT = /^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$|^[0-9A-Fa-f]{64}$/;

/**
 * Registers a certificate source: a pasted client certificate (pinned by its SHA-256, computed here
 * so the PEM never needs to leave the browser) or a CA certificate (sent whole: the server checks
 * chains against it).
 */
export function SyslogSourceForm({
  workspaceId,
  onCreated,
}: {
  readonly workspaceId: string;
  readonly onCreated: (source: SyslogSourceView | undefined) => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [dataSpace, setDataSpace] = useState('default');
  const [match, setMatch] = useState<SyslogMatch>('certificate');
  const [certificate, setCertificate] = useState('');
  const [preview, setPreview] = useState<string | undefined>(undefined);
  const { busy, error, run } = useAction();
  const spaces = useLoad(workspaceId, (signal) => listDataSpaces(workspaceId, signal));
  const spaceOptions = spaces.state.status === 'ready' ? spaces.state.data : [dataSpace];
  const errorField = syslogSourceField(error);

  useEffect(() => {
    let current = true;
    void certificateFingerprint(certificate).then((fp) => current && setPreview(fp));
    return () => {
      current = false;
    };
  }, [certificate]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = certificate.trim();
    let created: SyslogSourceView | undefined;
    const ok = await run(async () => {
      let credential: { certificateSha256: string } | { caCertificate: string };
      if (match === 'issuer') credential = { caCertificate: text };
      else if (FINGERPRINT.test(text)) credential = { certificateSha256: text };
      else {
        const fingerprint = await certificateFingerprint(text);
        if (fingerprint === undefined) {
          throw new ApiError(
            'SYSLOG_SOURCE_INVALID',
            'Paste a PEM client certificate (-----BEGIN CERTIFICATE-----) or its SHA-256 fingerprint. Without a secure connection (HTTPS or localhost) the console cannot compute it: paste the output of openssl x509 -noout -fingerprint -sha256.',
            400,
            { field: 'certificateSha256' },
          );
        }
        credential = { certificateSha256: fingerprint };
      }
      created = await createSyslogSource(workspaceId, { name: name.trim(), dataSpace, ...credential });
    });
    if (!ok) return;
    setName('');
    setCertificate('');
    onCreated(created);
  };

  const described = (field: string) => (errorField === field ? `${id}-error` : undefined);
  return (
    <form
      className="syslog-source-form"
      aria-label="Register a syslog source by certificate"
      onSubmit={(e) => void submit(e)}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={64}
          autoComplete="off"
          aria-invalid={errorField === 'name'}
          aria-describedby={described('name')}
        />
        <p className="field-help muted">
          Letters, digits, dot, dash, underscore. Events get source syslog-tls:name.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-space`}>Data space</label>
        <select
          id={`${id}-space`}
          value={dataSpace}
          onChange={(e) => setDataSpace(e.target.value)}
          aria-invalid={errorField === 'dataSpace'}
          aria-describedby={described('dataSpace')}
        >
          {spaceOptions.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>Authenticates</legend>
        <label>
          <input
            type="radio"
            name={`${id}-match`}
            checked={match === 'certificate'}
            onChange={() => setMatch('certificate')}
          />{' '}
          One client certificate (pinned by its fingerprint)
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-match`}
            checked={match === 'issuer'}
            onChange={() => setMatch('issuer')}
          />{' '}
          Every certificate a CA issued
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-pem`}>
          {match === 'issuer'
            ? 'CA certificate (PEM)'
            : 'Client certificate (PEM) or its SHA-256 fingerprint'}
        </label>
        <textarea
          id={`${id}-pem`}
          value={certificate}
          onChange={(e) => setCertificate(e.target.value)}
          required
          rows={6}
          spellCheck={false}
          placeholder="-----BEGIN CERTIFICATE-----"
          aria-invalid={errorField === 'certificate'}
          aria-describedby={described('certificate')}
        />
        {preview !== undefined && (
          <p className="muted">
            SHA-256 fingerprint: <code data-testid="fingerprint-preview">{preview}</code>
          </p>
        )}
      </div>
      {error !== null && errorField !== undefined && (
        <p id={`${id}-error`} className="inline-error" role="alert" data-field={errorField}>
          {errorField === 'certificate' ? 'Certificate' : errorField === 'name' ? 'Name' : 'Data space'}:{' '}
          {error.message}
        </p>
      )}
      {errorField === undefined && <ErrorBanner error={error} />}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Registering…' : 'Register source'}
      </button>
    </form>
  );
}
