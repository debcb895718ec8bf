import type { ApiError } from '../api/api-error.ts';

/** The server's refusal, verbatim: its message and, for the password policy, each failed rule. */
export function ErrorBanner({ error }: { readonly error: ApiError | null }) {
  if (!error) return null;
  const failures = error.failures;
  return (
    <div className="banner banner-error" role="alert">
      <p className="banner-title">
        {failures.length > 0 ? 'The server refused the password:' : error.message}
      </p>
      {failures.length > 0 && (
        <ul className="failure-list">
          {failures.map((f) => (
            <li key={f.rule} data-rule={f.rule}>
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
