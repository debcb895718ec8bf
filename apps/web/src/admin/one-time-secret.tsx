import { useState } from 'react';

/**
 * A secret the server returns once (a new API key, an ingest token, a temporary password): shown with a
 * copy button and a warning until the administrator dismisses it; it is never fetched again.
 */
export function OneTimeSecret({
  label,
  secret,
  warning,
  onDone,
}: {
  readonly label: string;
  readonly secret: string;
  readonly warning: string;
  readonly onDone: () => void;
}) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(secret).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <section className="one-time-secret" aria-label={label}>
      <p className="banner-title">{label}</p>
      <p className="secret-warning">
        <strong>Copy it now:</strong> {warning}
      </p>
      <div className="secret-row">
        <code className="secret-value break-all" data-testid="one-time-secret">
          {secret}
        </code>
        <button type="button" className="button" onClick={() => void copy()}>
          Copy
        </button>
        <span role="status" className="muted">
          {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Copying failed: select and copy it.' : ''}
        </span>
      </div>
      <button type="button" className="button" onClick={onDone}>
        Done, hide it
      </button>
    </section>
  );
}
