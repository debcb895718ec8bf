import type { TestOutcome } from './rules-api.ts';

function verdict(outcome: TestOutcome, index: number): string {
  const error = outcome.errors.find((e) => e.index === index);
  if (error) return `error: ${error.error}`;
  if (outcome.matched.includes(index)) return 'matched';
  if (outcome.suppressed.includes(index)) return 'suppressed by an exception';
  return 'no match';
}

/** Each pasted event with its verdict, plus correlation hits. */
export function TestResult({ outcome }: { readonly outcome: TestOutcome }) {
  return (
    <section className="test-result" aria-label="Test result">
      <p role="status">
        {outcome.hits} {outcome.hits === 1 ? 'hit' : 'hits'} in {outcome.events}{' '}
        {outcome.events === 1 ? 'event' : 'events'}; {outcome.suppressed.length} suppressed,{' '}
        {outcome.errors.length} {outcome.errors.length === 1 ? 'error' : 'errors'}.
      </p>
      <ol className="verdict-list" aria-label="Events tested">
        {Array.from({ length: outcome.events }, (_, i) => (
          <li key={i} data-verdict={verdict(outcome, i).split(':')[0]}>
            Event {i + 1}: {verdict(outcome, i)}
          </li>
        ))}
      </ol>
      {outcome.correlations.length > 0 && (
        <ul aria-label="Correlation hits">
          {outcome.correlations.map((c, i) => (
            <li key={i}>
              {c.title}: events {c.eventIndexes.map((n) => n + 1).join(', ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
