import { useId, useRef, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { ImportResult } from './import-result.tsx';
import { sourceOfFile } from './import-source.ts';
import { importRules, type ImportOutcome, type ImportSource } from './rules-api.ts';

/** Import Sigma rules: paste YAML, or upload a .yml/.yaml file or a .zip in SigmaHQ layout. */
export function ImportPanel({
  workspaceId,
  onImported,
}: {
  readonly workspaceId: string;
  readonly onImported: () => void;
}) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [enabled, setEnabled] = useState(false);
  const [fileError, setFileError] = useState('');
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const { busy, error, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFileError('');
    setOutcome(null);
    const file = fileRef.current?.files?.[0];
    let source: ImportSource;
    if (file !== undefined) {
      try {
        source = await sourceOfFile(file);
      } catch (e) {
        setFileError(e instanceof Error ? e.message : 'The file could not be read.');
        return;
      }
    } else if (text.trim() !== '') {
      source = { kind: 'text', path: 'pasted.yml', text };
    } else {
      setFileError('Paste a rule or choose a file.');
      return;
    }
    let answer: ImportOutcome | undefined;
    const ok = await run(async () => {
      answer = await importRules(workspaceId, source, enabled);
    });
    if (ok && answer) {
      setOutcome(answer);
      if (fileRef.current) fileRef.current.value = '';
      onImported();
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Import rules</h2>
      <form aria-label="Import rules" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-text`}>Sigma YAML</label>
          <textarea
            id={`${id}-text`}
            className="code-input"
            rows={10}
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-file`}>Or a file (.yml, .yaml or .zip in SigmaHQ layout)</label>
          <input id={`${id}-file`} ref={fileRef} type="file" accept=".yml,.yaml,.zip" />
        </div>
        <label className="checkbox-label">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Enable
          new rules at once (otherwise they start disabled: backtest first)
        </label>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
        {fileError !== '' && (
          <p className="banner banner-error" role="alert">
            {fileError}
          </p>
        )}
        <ErrorBanner error={error} />
      </form>
      {outcome && <ImportResult outcome={outcome} />}
    </section>
  );
}
