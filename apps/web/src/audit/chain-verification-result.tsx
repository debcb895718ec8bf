import { useLoad } from '../admin/use-load.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { verifyChain } from './audit-api.ts';

export function ChainVerificationResult() {
  const { state } = useLoad('verification', (signal) => verifyChain(signal));
  if (state.status === 'loading') return <p role="status">Verifying the hash chain…</p>;
  if (state.status === 'failed') return <ErrorBanner error={state.error} />;
  const v = state.data;
  return (
    <div role="status">
      <p>
        <span className={v.ok ? 'badge badge-ok' : 'badge badge-error'}>{v.ok ? 'Intact' : 'Broken'}</span>{' '}
        {v.ok
          ? 'Every record chains to the one before it and matches the signed checkpoints.'
          : 'The audit log does not verify: records were changed, removed or reordered.'}
      </p>
      <dl className="facts">
        <dt>Records</dt>
        <dd>{v.records ?? '—'}</dd>
        <dt>Signed through seq</dt>
        <dd>{v.verifiedThrough ?? '—'}</dd>
        <dt>Not yet signed</dt>
        <dd>{v.unsignedTail ?? '—'}</dd>
      </dl>
      {v.problems.length > 0 && (
        <ul className="failure-list">
          {v.problems.slice(0, 20).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
