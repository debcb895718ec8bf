import { useState } from 'react';
import { ChainVerificationResult } from './chain-verification-result.tsx';

/**
 * The installation's audit hash chain and signed checkpoints (platform auditors only). Verifying reads the
 * whole log, so it runs when asked rather than on every visit.
 */
export function ChainVerification() {
  const [round, setRound] = useState(0);
  return (
    <section className="card chain-verification" aria-labelledby="chain-heading">
      <div className="section-header">
        <h2 id="chain-heading">Chain verification</h2>
        <button type="button" className="button" onClick={() => setRound((r) => r + 1)}>
          {round === 0 ? 'Verify the chain' : 'Verify again'}
        </button>
      </div>
      {round === 0 ? (
        <p className="muted">
          Checks that every record chains to the one before it and matches the signed checkpoints.
        </p>
      ) : (
        <ChainVerificationResult key={round} />
      )}
    </section>
  );
}
