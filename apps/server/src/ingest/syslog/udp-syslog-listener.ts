import { createSocket, type Socket } from 'node:dgram';
import { isIP, type AddressInfo } from 'node:net';
import type { Logger } from '@vigil/core';
import type { IngestPipeline, SourceRef, SyslogFrame } from '@vigil/ingest';
import { submitFrames } from './syslog-batch.ts';

export interface UdpListenerOptions {
  host: string;
  port: number;
  source: SourceRef;
  pipeline: IngestPipeline;
  logger: Logger;
  batchMax: number;
  maxBytes: number;
  /** Counts datagrams that could not even be queued (the local buffer was full). */
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
  let pending: SyslogFrame[] = [];
  let inFlight: Promise<void> | undefined;
  let scheduled = false;
  let lastWarn = 0;
  const maxPending = options.batchMax * 20;

  const flush = (): void => {
    scheduled = false;
    if (inFlight !== undefined || pending.length === 0) return;
    const frames = pending;
    pending = [];
    inFlight = submitFrames(options.pipeline, options.source, frames, options.maxBytes, { lossy: true })
      .then(
        () => undefined,
        (err: unknown) => {
          // Counted as dropped by the pipeline; warn at most every 10 s.
          if (Date.now() - lastWarn > 10_000) {
            lastWarn = Date.now();
            options.logger.warn({ err, lost: frames.length }, 'syslog UDP batch dropped: queue full');
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

  socket.on('message', (msg) => {
    if (pending.length >= maxPending) {
      options.drop(1, msg.length);
      return;
    }
    let text = msg.toString('utf8', 0, Math.min(msg.length, options.maxBytes));
    if (text.endsWith('\n')) text = text.replace(/\r?\n+$/, '');
    pending.push({ text, truncated: msg.length > options.maxBytes });
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
