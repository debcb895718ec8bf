import { createSocket, type Socket } from 'node:dgram';
import { isIP, type AddressInfo } from 'node:net';
import type { Logger } from '@vigil/core';
import type { IngestPipeline, SyslogFrame } from '@vigil/ingest';
import { submitFrames } from './syslog-batch.ts';
import type { SyslogGate } from './syslog-gate.ts';

export interface UdpListenerOptions {
  host: string;
  port: number;
  /** Authenticates each datagram and names its source. */
  gate: SyslogGate;
  pipeline: IngestPipeline;
  logger: Logger;
  batchMax: number;
  maxBytes: number;
  /** Counts datagrams that could not even be queued (the local buffer was full, before authentication). */
  drop: (count: number, bytes: number) => void;
}

export interface RunningListener {
  address: AddressInfo;
  close(): Promise<void>;
}

/**
 * Syslog over UDP (RFC 5426: one message per datagram). Datagrams are batched for a few ms; UDP
 * cannot push back, so when the queue is full the batch is dropped and counted (never silently).
 */
export async function startUdpSyslogListener(options: UdpListenerOptions): Promise<RunningListener> {
  const socket: Socket = createSocket({ type: isIP(options.host) === 6 ? 'udp6' : 'udp4' });
  let pending: { frame: SyslogFrame; address: string }[] = [];
  let inFlight: Promise<void> | undefined;
  let scheduled = false;
  let lastWarn = 0;
  const maxPending = options.batchMax * 20;

  const flush = (): void => {
    scheduled = false;
    if (inFlight !== undefined || pending.length === 0) return;
    const batch = pending;
    pending = [];
    inFlight = submitBatch(options, batch)
      .then(
        () => undefined,
        (err: unknown) => {
          // Counted as dropped by the pipeline; warn at most every 10 s.
          if (Date.now() - lastWarn > 10_000) {
            lastWarn = Date.now();
            options.logger.warn({ err, lost: batch.length }, 'syslog UDP batch dropped: queue full');
          }
        },
      )
      .finally(() => {
        inFlight = undefined;
        if (pending.length > 0) schedule();
      });
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(flush, 5).unref();
  };

  socket.on('message', (msg, peer) => {
    if (pending.length >= maxPending) {
      options.drop(1, msg.length);
      return;
    }
    let text = msg.toString('utf8', 0, Math.min(msg.length, options.maxBytes));
    if (text.endsWith('\n')) text = text.replace(/\r?\n+$/, '');
    pending.push({ frame: { text, truncated: msg.length > options.maxBytes }, address: peer.address });
    if (pending.length >= options.batchMax) flush();
    else schedule();
  });
  socket.on('error', (err) => options.logger.warn({ err }, 'syslog UDP socket error'));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind({ address: options.host, port: options.port }, () => {
      socket.off('error', reject);
      try {
        // Bursts overflow the kernel's small default buffer before we can count them; ask for more
        // (the kernel caps it at net.core.rmem_max).
        socket.setRecvBufferSize(8 * 1024 * 1024);
      } catch {
        // Keep the default buffer.
      }
      resolve();
    });
  });
  return {
    address: socket.address(),
    close: async () => {
      await new Promise<void>((resolve) => socket.close(() => resolve()));
      flush();
      await inFlight;
    },
  };
}

/** Routes a batch of datagrams (grouped by sender) through the gate and queues each source's share. */
async function submitBatch(
  options: UdpListenerOptions,
  batch: readonly { frame: SyslogFrame; address: string }[],
): Promise<void> {
  const bySender = new Map<string, SyslogFrame[]>();
  for (const { frame, address } of batch) {
    const frames = bySender.get(address);
    if (frames === undefined) bySender.set(address, [frame]);
    else frames.push(frame);
  }
  let failure: Error | undefined;
  for (const [address, frames] of bySender) {
    for (const route of await options.gate({ listener: 'udp', address }, frames)) {
      // Keep going after a full queue: other sources' shares are counted as dropped too, not lost.
      await submitFrames(options.pipeline, route.source, route.frames, options.maxBytes, {
        lossy: true,
      }).catch((err: unknown) => {
        failure ??= err instanceof Error ? err : new Error(String(err));
      });
    }
  }
  if (failure !== undefined) throw failure;
}
