import { useId, useState } from 'react';
import { mayIn } from '../admin/access.ts';
import { useAccess } from '../admin/use-access.ts';
import { useLoad } from '../admin/use-load.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { displayFingerprint } from './certificate-fingerprint.ts';
import { SyslogSetupHelp } from './syslog-setup-help.tsx';
import { SyslogSourceForm } from './syslog-source-form.tsx';
import { fetchSyslogListeners, listSyslogSources, type SyslogSourceView } from './syslog-sources-api.ts';
import { SyslogSourcesTable } from './syslog-sources-table.tsx';

/** Syslog senders of the workspace: certificate sources (list, register, delete) and token set-up. */
export function SyslogSourcesSection({ workspaceId }: { readonly workspaceId: string }) {
  const headingId = useId();
  const sources = useLoad(`syslog-sources ${workspaceId}`, (signal) =>
    listSyslogSources(workspaceId, signal),
  );
  const listeners = useLoad(`syslog-listeners ${workspaceId}`, (signal) =>
    fetchSyslogListeners(workspaceId, signal),
  );
  const access = useAccess();
  const canWrite = access.status === 'ready' && mayIn(access.data, workspaceId, 'sources.write');
  const [created, setCreated] = useState<SyslogSourceView | undefined>(undefined);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Syslog sources</h2>
      <h3>Senders with a TLS client certificate</h3>
      <p className="muted">
        A sender connecting to the TLS listener with a registered client certificate (or one issued by a
        registered CA) needs no token. A certificate belongs to one source only.
      </p>
      {listeners.state.status === 'ready' && !listeners.state.data.clientCertificates && (
        <p className="muted" role="note">
          The TLS listener of this server is off or does not accept client certificates
          (ingest.syslog.tlsEnabled, tlsCertFile, tlsKeyFile, tlsClientCertificates): sources registered here
          apply once it does.
        </p>
      )}
      {sources.state.status === 'loading' && <p role="status">Loading…</p>}
      {sources.state.status === 'failed' && <ErrorBanner error={sources.state.error} />}
      {sources.state.status === 'ready' && (
        <SyslogSourcesTable
          workspaceId={workspaceId}
          sources={sources.state.data}
          canWrite={canWrite}
          onDeleted={() => {
            setCreated(undefined);
            sources.reload();
          }}
        />
      )}
      {created !== undefined && (
        <div className="banner banner-ok" role="status">
          <p className="banner-title">
            Registered “{created.name}”: fingerprint <code>{displayFingerprint(created.fingerprint)}</code>
          </p>
        </div>
      )}
      {canWrite && (
        <details className="syslog-register">
          <summary>Register a certificate source</summary>
          <SyslogSourceForm
            workspaceId={workspaceId}
            onCreated={(source) => {
              setCreated(source);
              sources.reload();
            }}
          />
        </details>
      )}
      {listeners.state.status === 'failed' && <ErrorBanner error={listeners.state.error} />}
      {listeners.state.status === 'ready' && (
        <SyslogSetupHelp workspaceId={workspaceId} listeners={listeners.state.data} />
      )}
    </section>
  );
}
