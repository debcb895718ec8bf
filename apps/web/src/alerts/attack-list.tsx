/** ATT&CK tactics (kill-chain order) and technique ids of an alert. */
export function AttackList({
  tactics,
  techniques,
}: {
  readonly tactics: readonly string[];
  readonly techniques: readonly string[];
}) {
  return (
    <dl className="facts" aria-label="ATT&CK">
      <dt>Tactics</dt>
      <dd>{tactics.length === 0 ? 'None mapped' : tactics.join(' → ')}</dd>
      <dt>Techniques</dt>
      <dd>{techniques.length === 0 ? 'None mapped' : techniques.join(', ')}</dd>
    </dl>
  );
}
