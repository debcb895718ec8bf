import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { parseEvents } from './parse-events.ts';
import { testRule, type TestOutcome } from './rules-api.ts';
import { TestResult } from './test-result.tsx';

/** Runs the stored rule (with its active exceptions) over pasted events and says which matched. */
export function TestPanel({
  workspaceId,
  ruleId,
}: {
  readonly workspaceId: string;
  readonly ruleId: string;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseEvents(text);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem('');
    setOutcome(null);
    let answer: TestOutcome | undefined;
    void run(async () => {
      answer = await testRule(workspaceId, ruleId, parsed.events);
    }).then((ok) => {
      if (ok && answer) setOutcome(answer);
    });
  };

  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>Test</h2>
      <form aria-label="Test the rule" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-events`}>Sample events (a JSON array, one object, or one per line)</label>
          <textarea
            id={`${id}-events`}
            className="code-input"
            rows={8}
            spellCheck={false}
            value={text}
            aria-invalid={problem !== ''}
            aria-describedby={`${id}-problem`}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <p id={`${id}-problem`} className="inline-error" role="alert">
          {problem}
        </p>
        <ErrorBanner error={error} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Testing…' : 'Run test'}
          </button>
        </div>
      </form>
      {outcome && <TestResult outcome={outcome} />}
    </section>
  );
}
