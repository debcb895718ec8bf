/** The recovery codes, shown once right after enrolment: each one signs in once in place of a code. */
export function RecoveryCodes({
  codes,
  onDone,
}: {
  readonly codes: readonly string[];
  readonly onDone: () => void;
}) {
  return (
    <div className="recovery-codes" role="status">
      <p className="banner-title">Two-factor authentication is on. Save these recovery codes now.</p>
      <p>
        Each code works once, in place of an authenticator code, if you lose your device. They are not shown
        again.
      </p>
      <ul className="code-list" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={onDone}>
        I have saved them
      </button>
    </div>
  );
}
