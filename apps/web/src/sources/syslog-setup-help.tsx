import { Link } from '../routing/link.tsx';
import { syslogExamples } from './syslog-examples.ts';
import type { SyslogListeners } from './syslog-sources-api.ts';

/**
 * How token-authenticated senders are set up: an ingest token from the tokens page, then a `logger`
 * or rsyslog line for the listeners this server runs (ports as bound, not as configured defaults).
 */
export function SyslogSetupHelp({
  workspaceId,
  listeners,
}: {
  readonly workspaceId: string;
  readonly listeners: SyslogListeners;
}) {
  const examples = syslogExamples(listeners, window.location.hostname);
  const running = listeners.listeners.filter((l) => l.enabled);
  return (
    <div className="syslog-setup-help">
      <h3>Senders with an ingest token</h3>
      <p>
        Any syslog sender can authenticate with an ingest token in each message; no registration is needed
        here. Create one on the{' '}
        <Link href={`/settings/tokens?workspace=${encodeURIComponent(workspaceId)}`}>
          API keys &amp; ingest tokens
        </Link>{' '}
        page (it chooses the data space and is shown once), then put it where the examples say{' '}
        <code>vigil_it_…</code>. Vigil removes the token before storing the message.
      </p>
      <ul className="syslog-listener-list" aria-label="Syslog listeners">
        {running.length === 0 && <li>No syslog listener is enabled on this server.</li>}
        {running.map((l) => (
          <li key={l.transport} data-listener={l.transport}>
            {l.transport.toUpperCase()} port {l.port}:{' '}
            {l.up ? 'listening' : 'not listening (see the server log)'}
          </li>
        ))}
      </ul>
      {examples.map((e) => (
        <div key={e.id} data-example={e.id}>
          <h4>{e.title}</h4>
          <pre className="syslog-example">
            <code>{e.text}</code>
          </pre>
        </div>
      ))}
    </div>
  );
}
