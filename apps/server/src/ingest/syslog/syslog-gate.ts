import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { isVigilError, type Logger } from '@vigil/core';
import {
  splitSyslogToken,
  type IngestBinding,
  type IngestTokenVerifier,
  type SourceRef,
  type SyslogFrame,
} from '@vigil/ingest';
import type { RefusalAttribution, RefusedTokenAttribution } from './refused-token-attribution.ts';
import type { SyslogRefusalReason, SyslogRuntime } from './syslog-runtime.ts';

/** Who sent a batch of frames. */
export interface SyslogPeer {
  /** `udp`, `tcp` or `tls`. */
  listener: string;
  address: string;
  /** The syslog source of the connection's registered client certificate (TLS). */
  source?: SourceRef;
}

/** Frames bound for one source. */
export interface SyslogRoute {
  source: SourceRef;
  frames: SyslogFrame[];
}

export interface SyslogGateOptions {
  verifier: IngestTokenVerifier;
  runtime: SyslogRuntime;
  logger?: Logger;
  /** Legacy mode (`ingest.syslog.allowUnauthenticated`): where unauthenticated messages go and from whom. */
  unauthenticated?: { workspace: string; dataSpace: string; peers: BlockList };
  /** Names the workspace and source of a refused token that is genuine but revoked or expired. */
  attribute?: RefusedTokenAttribution;
}

export type SyslogGate = (peer: SyslogPeer, frames: readonly SyslogFrame[]) => Promise<SyslogRoute[]>;

/**
 * Authenticates syslog messages one by one and groups them by source: an ingest token in the
 * message (checked by the same verifier as HTTP ingest, then stripped), else the connection's client
 * certificate, else — only when the operator allowed it — the configured default for peers in the
 * allowed CIDRs. Everything else is refused and counted; the token itself is never kept or logged.
 */
export function createSyslogGate(options: SyslogGateOptions): SyslogGate {
  return async (peer, frames) => {
    const routes = new Map<string, SyslogRoute>();
    // One check per distinct token per batch: a shipper sends the same token on every line, and
    // checking per batch (not caching longer) makes a revocation effective for the next batch.
    const checked = new Map<string, IngestBinding | SyslogRefusalReason | undefined>();
    const owners = new Map<string, RefusalAttribution | undefined>();
    const add = (source: SourceRef, frame: SyslogFrame) => {
      const key = source.source + '\u0000' + source.workspace + '\u0000' + source.dataSpace;
      let route = routes.get(key);
      if (route === undefined) {
        route = { source, frames: [] };
        routes.set(key, route);
      }
      route.frames.push(frame);
    };
    const allowed =
      options.unauthenticated !== undefined && peerAllowed(options.unauthenticated.peers, peer.address);
    for (const frame of frames) {
      const split = splitSyslogToken(frame.text);
      const stripped = { text: split.text, truncated: frame.truncated };
      if (split.token !== undefined) {
        if (!checked.has(split.token)) checked.set(split.token, await verify(options, split.token));
        const binding = checked.get(split.token);
        if (binding === undefined || typeof binding === 'string') {
          let attributed: { workspace: string; source: string } | undefined;
          if (binding === undefined) {
            if (!owners.has(split.token)) owners.set(split.token, await attribute(options, split.token));
            const owner = owners.get(split.token);
            if (owner !== undefined)
              attributed = {
                workspace: owner.workspace,
                source: `syslog-${peer.listener}:${owner.tokenName}`,
              };
          }
          const bytes = Buffer.byteLength(frame.text);
          options.runtime.refuse(peer.listener, binding ?? 'invalid_token', 1, bytes, attributed);
          continue;
        }
        add(
          {
            workspace: binding.workspace,
            dataSpace: binding.dataSpace,
            source: `syslog-${peer.listener}:${binding.name}`,
          },
          stripped,
        );
      } else if (peer.source !== undefined) {
        add(peer.source, stripped);
      } else if (allowed && options.unauthenticated !== undefined) {
        const { workspace, dataSpace } = options.unauthenticated;
        add({ workspace, dataSpace, source: `syslog-${peer.listener}` }, stripped);
      } else {
        options.runtime.refuse(peer.listener, 'unauthenticated', 1, Buffer.byteLength(frame.text));
      }
    }
    return [...routes.values()];
  };
}

/** Checks a token; a verifier that throws refuses the message with a reason instead of losing the batch. */
async function verify(
  options: SyslogGateOptions,
  token: string,
): Promise<IngestBinding | SyslogRefusalReason | undefined> {
  try {
    return await options.verifier.verify(token);
  } catch (err) {
    if (isVigilError(err) && err.kind === 'user') return 'workspace_not_writable';
    options.logger?.warn({ err }, 'syslog ingest token could not be checked; message refused');
    return 'verify_failed';
  }
}

/** Who a refused token belonged to; a failing lookup only loses the attribution, never the count. */
async function attribute(options: SyslogGateOptions, token: string): Promise<RefusalAttribution | undefined> {
  if (options.attribute === undefined) return undefined;
  try {
    return await options.attribute(token);
  } catch (err) {
    options.logger?.warn({ err }, 'refused syslog token could not be attributed');
    return undefined;
  }
}

/** Parses `ingest.syslog.unauthenticatedCidrs`; throws naming the bad entry. */
export function parseCidrs(text: string): BlockList {
  const list = new BlockList();
  for (const entry of text.split(',').map((s) => s.trim())) {
    const [net, bits] = entry.split('/');
    const prefix = Number(bits);
    const family = isIPv4(net ?? '') ? 'ipv4' : isIPv6(net ?? '') ? 'ipv6' : undefined;
    if (
      family === undefined ||
      !Number.isInteger(prefix) ||
      prefix < 0 ||
      prefix > (family === 'ipv4' ? 32 : 128)
    ) {
      throw new Error(`ingest.syslog.unauthenticatedCidrs: ${JSON.stringify(entry)} is not a CIDR block`);
    }
    list.addSubnet(net!, prefix, family);
  }
  return list;
}

function peerAllowed(peers: BlockList, address: string): boolean {
  // Dual-stack sockets report IPv4 peers as IPv4-mapped IPv6 addresses.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return peers.check(mapped, 'ipv4');
  if (isIPv4(address)) return peers.check(address, 'ipv4');
  return isIPv6(address) && peers.check(address, 'ipv6');
}
