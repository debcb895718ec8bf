import { systemClock, type Clock } from '@vigil/core';
import { checkMachineToken, parseMachineToken, type MachineTokenStore } from '@vigil/identity';

/** The workspace and source a refused token belonged to. */
export interface RefusalAttribution {
  workspace: string;
  /** The source its messages had while the token was valid: `syslog-<listener>:<token name>`. */
  tokenName: string;
}

export type RefusedTokenAttribution = (token: string) => Promise<RefusalAttribution | undefined>;

/**
 * Names the owner of a refused ingest token when it is genuine but revoked or expired, so the
 * workspace sees that a sender it knows still uses an old token. Only a token whose secret matches is
 * attributed: a made-up token with someone's token id cannot inflate another workspace's counters.
 */
export function refusedTokenAttribution(
  store: MachineTokenStore,
  clock: Clock = systemClock,
): RefusedTokenAttribution {
  return async (token) => {
    const parsed = parseMachineToken(token);
    if (parsed?.kind !== 'ingest') return undefined;
    const record = await store.get(parsed.id);
    const check = checkMachineToken(record, token, clock.now());
    if (record === undefined || check.ok || (check.reason !== 'revoked' && check.reason !== 'expired'))
      return undefined;
    return { workspace: record.workspaceId, tokenName: record.name };
  };
}
