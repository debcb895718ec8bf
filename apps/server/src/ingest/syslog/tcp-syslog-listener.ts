import { readFileSync } from 'node:fs';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { Logger } from '@vigil/core';
import { SyslogFramer, type IngestPipeline, type SourceRef } from '@vigil/ingest';
import { submitFrames } from './syslog-batch.ts';
import type { RunningListener } from './udp-syslog-listener.ts';

export interface TcpListenerOptions {
  host: string;
  port: number;
  source: SourceRef;
  pipeline: IngestPipeline;
  logger: Logger;
  maxBytes: number;
  /** PEM files: a TLS listener (RFC 5425) instead of plain TCP. */
  tls?: { certFile: string; keyFile: string };
}

/**
 * Syslog over TCP or TLS: octet-counted or newline-framed (recognised per frame). Flow control: the
 * socket is paused while its frames are being queued, and the queue waits out backpressure, so a
 * full bus stops reading (the sender's TCP window fills) instead of losing anything.
 */
export async function startTcpSyslogListener(options: TcpListenerOptions): Promise<RunningListener> {
  const sockets = new Set<Socket>();
  const work = new Set<Promise<void>>();
  const handle = (socket: Socket): void => {
    sockets.add(socket);
    const framer = new SyslogFramer(options.maxBytes);
    let chain: Promise<void> = Promise.resolve();
    const submit = (frames: ReturnType<SyslogFramer['push']>): void => {
      if (frames.length === 0) return;
      socket.pause();
      const step = chain
        .then(() =>
          submitFrames(options.pipeline, options.source, frames, options.maxBytes, { patient: true }),
        )
        .then(
          () => undefined,
          (err: unknown) => {
            options.logger.warn({ err, lost: frames.length }, 'syslog TCP frames could not be queued');
          },
        )
        .finally(() => {
          work.delete(step);
          if (!socket.destroyed) socket.resume();
        });
      chain = step;
      work.add(step);
    };
    socket.on('data', (chunk: Buffer) => submit(framer.push(chunk)));
    socket.on('end', () => submit(framer.end()));
    socket.on('error', (err) => options.logger.debug({ err }, 'syslog connection error'));
    socket.on('close', () => sockets.delete(socket));
  };
  const server: Server = options.tls
    ? createTlsServer(
        { cert: readFileSync(options.tls.certFile), key: readFileSync(options.tls.keyFile) },
        handle,
      )
    : createTcpServer(handle);
  server.maxConnections = 4096;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: options.host, port: options.port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => options.logger.warn({ err }, 'syslog listener error'));
  return {
    address: server.address() as AddressInfo,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.end();
      await Promise.allSettled([...work]);
      setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, 1000).unref();
      await closed;
    },
  };
}
