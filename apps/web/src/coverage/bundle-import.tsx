import { useId, useRef, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { uploadAttackBundle } from './coverage-api.ts';

/** Upload of the ATT&CK Enterprise bundle file (platform administrators; the server checks it). */
export function BundleUploadForm({ onImported }: { readonly onImported: () => void }) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [missingFile, setMissingFile] = useState(false);
  const { busy, error, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    setMissingFile(file === undefined);
    if (file === undefined) return;
    if (await run(() => uploadAttackBundle(file))) onImported();
  };

  return (
    <form aria-label="Import the ATT&CK bundle" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={`${id}-file`}>ATT&amp;CK Enterprise bundle (.json or .json.gz)</label>
        <input
          id={`${id}-file`}
          ref={fileRef}
          type="file"
          accept=".json,.gz,application/json,application/gzip"
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Importing…' : 'Import bundle'}
        </button>
      </div>
      {missingFile && (
        <p className="banner banner-error" role="alert">
          Choose the bundle file first.
        </p>
      )}
      <ErrorBanner error={error} />
    </form>
  );
}

/**
 * Shown while no ATT&CK matrix has been imported: how to import it, and for platform administrators an
 * upload of the Enterprise bundle file (the server never fetches it from the network).
 */
export function BundleImport({
  message,
  mayImport,
  onImported,
}: {
  readonly message: string;
  readonly mayImport: boolean;
  readonly onImported: () => void;
}) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>No ATT&amp;CK matrix yet</h2>
      <p>{message}</p>
      <p className="muted small">
        On the server: <code>vigil attack import enterprise-attack.json.gz</code>. The bundle comes from
        MITRE&apos;s attack-stix-data repository; Vigil keeps a compact copy and never downloads it itself.
      </p>
      {mayImport ? (
        <BundleUploadForm onImported={onImported} />
      ) : (
        <p>Ask a platform administrator (permission system.settings) to import it.</p>
      )}
    </section>
  );
}
