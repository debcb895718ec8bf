import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import type { Logger } from '@vigil/core';
import { SyslogFramer, type IngestPipeline, type SourceRef } from '@vigil/ingest';
import { submitFrames } from './syslog-batch.ts';
import type { SyslogGate, SyslogPeer } from './syslog-gate.ts';
import type { SyslogRuntime } from './syslog-runtime.ts';
import type { RunningListener } from './udp-syslog-listener.ts';

export interface TcpListenerOptions {
  host: string;
  port: number;
  /** Authenticates each message and names its source. */
  gate: SyslogGate;
  runtime: SyslogRuntime;
  pipeline: IngestPipeline;
  logger: Logger;
  maxBytes: number;
  /** PEM files: a TLS listener (RFC 5425) instead of plain TCP. */
  tls?: {
    certFile: string;
    keyFile: string;
    /**
     * Asks senders for a client certificate and maps it to a registered source. A sender without
     * one may still authenticate each message with a token; an unknown certificate is refused.
     */
    identify?: (chain: X509Certificate[]) => Promise<SourceRef | undefined>;
  };
}

/**
 * Syslog over TCP or TLS: octet-counted or newline-framed (recognised per frame). Flow control: the
 * socket is paused while its frames are being queued, and the queue waits out backpressure, so a
 * full bus stops reading (the sender's TCP window fills) instead of losing anything.
 */
export async function startTcpSyslogListener(options: TcpListenerOptions): Promise<RunningListener> {
  const listener = options.tls ? 'tls' : 'tcp';
  const sockets = new Set<Socket>();
  const work = new Set<Promise<void>>();
  const serve = (socket: Socket, peer: SyslogPeer): void => {
    const framer = new SyslogFramer(options.maxBytes);
    let chain: Promise<void> = Promise.resolve();
    const submit = (frames: ReturnType<SyslogFramer['push']>): void => {
      if (frames.length === 0) return;
      socket.pause();
      const step = chain
        .then(async () => {
          for (const route of await options.gate(peer, frames)) {
            await submitFrames(options.pipeline, route.source, route.frames, options.maxBytes, {
              patient: true,
            });
          }
        })
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
    socket.resume();
  };
  const handle = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('error', (err) => options.logger.debug({ err }, 'syslog connection error'));
    socket.on('close', () => sockets.delete(socket));
    const peer: SyslogPeer = { listener, address: socket.remoteAddress ?? '' };
    const identify = options.tls?.identify;
    if (identify === undefined) return serve(socket, peer);
    // Nothing is read before the certificate is checked.
    socket.pause();
    const chain = peerChain(socket as TLSSocket);
    if (chain.length === 0) return serve(socket, peer);
    identify(chain).then(
      (source) => {
        if (source !== undefined) return serve(socket, { ...peer, source });
        options.runtime.refuse(listener, 'unknown_certificate', 1, 0);
        options.logger.warn(
          { peer: peer.address, fingerprint256: chain[0]?.fingerprint256 },
          'syslog TLS client certificate refused: no syslog source is registered for it',
        );
        socket.destroy();
      },
      (err: unknown) => {
        options.logger.error({ err }, 'syslog client certificate could not be checked');
        socket.destroy();
      },
    );
  };
  const server: Server = options.tls
    ? createTlsServer(
        {
          cert: readFileSync(options.tls.certFile),
          key: readFileSync(options.tls.keyFile),
          // Trust is decided by the source registry (pinned certificates or registered CAs), not
          // by a CA bundle: OpenSSL still proves the sender holds the certificate's private key.
          requestCert: options.tls.identify !== undefined,
          rejectUnauthorized: false,
        },
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

/** The certificates the peer presented, leaf first (empty when it sent none). */
function peerChain(socket: TLSSocket): X509Certificate[] {
  const out: X509Certificate[] = [];
  let cert: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (cert !== undefined && cert.raw !== undefined && out.length < 10) {
    out.push(new X509Certificate(cert.raw));
    const next: DetailedPeerCertificate | undefined = cert.issuerCertificate;
    if (next === undefined || next === cert || next.fingerprint256 === cert.fingerprint256) break;
    cert = next;
  }
  return out;
}
