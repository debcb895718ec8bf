import { systemClock, type Clock } from '@vigil/core';
import { checkMachineToken, parseMachineToken, type MachineTokenStore } from '@vigil/identity';
import type { IngestBinding, IngestTokenVerifier } from './ingest-token-verifier.port.ts';

/** Touch a token's `lastUsedAt` at most this often (the store port asks callers to throttle). */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * The real verifier: ingest tokens issued by the identity domain (`vigil_it_<id>_<secret>`), looked
 * up by id in the machine-token store and checked in constant time (hash, revocation, expiry).
 * API keys are refused: an ingest route takes only ingest tokens.
 */
export function machineTokenVerifier(
  store: MachineTokenStore,
  clock: Clock = systemClock,
): IngestTokenVerifier {
  const touched = new Map<string, number>();
  return {
    async verify(presentedToken) {
      const parsed = parseMachineToken(presentedToken);
      if (parsed?.kind !== 'ingest') return undefined;
      const record = await store.get(parsed.id);
      const now = clock.now();
      if (!checkMachineToken(record, presentedToken, now).ok || record === undefined) return undefined;
      if (now - (touched.get(record.id) ?? 0) >= TOUCH_INTERVAL_MS) {
        touched.set(record.id, now);
        // Best effort: a failed touch must not refuse the events.
        await store.touch(record.id, now).catch(() => {});
      }
      const binding: IngestBinding = {
        workspace: record.workspaceId,
        dataSpace: record.dataSpace ?? 'default',
        tokenId: record.id,
        name: record.name,
      };
      return binding;
    },
  };
}
