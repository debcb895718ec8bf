import type { ImportOutcome } from './rules-api.ts';

/** What an import did: accepted documents (created, updated, unchanged) and rejected ones with why. */
export function ImportResult({ outcome }: { readonly outcome: ImportOutcome }) {
  return (
    <section className="import-result" aria-label="Import result">
      <p role="status">
        {outcome.files} {outcome.files === 1 ? 'file' : 'files'}: {outcome.created} created, {outcome.updated}{' '}
        updated, {outcome.unchanged} unchanged, {outcome.rejected.length} rejected.
      </p>
      {outcome.accepted.length > 0 && (
        <>
          <h3>Accepted</h3>
          <ul className="import-list" aria-label="Accepted rules">
            {outcome.accepted.map((r) => (
              <li key={`${r.change} ${r.id}`}>
                {r.title}{' '}
                <span className="muted">
                  ({r.change}, {r.file})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {outcome.rejected.length > 0 && (
        <>
          <h3>Rejected</h3>
          <ul className="import-list" aria-label="Rejected files">
            {outcome.rejected.map((r, i) => (
              <li key={`${r.file} ${i}`}>
                <code>{r.file}</code>
                {r.line !== undefined && ` (line ${r.line})`}: {r.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {outcome.warnings.length > 0 && (
        <details>
          <summary>{outcome.warnings.length} warnings</summary>
          <ul className="import-list">
            {outcome.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
