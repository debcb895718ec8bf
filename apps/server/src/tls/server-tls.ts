import { X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { userError } from '@vigil/core';
import type { VigilConfig } from '@vigil/config';
import { ensureSelfSignedCertificate } from './ensure-self-signed-certificate.ts';

/** What `startServer` hands Fastify's `https` option, plus what `vigil serve` prints about it. */
export interface ServerTls {
  cert: Buffer;
  key: Buffer;
  certFile: string;
  keyFile: string;
  selfSigned: boolean;
  /** SHA-256 fingerprint of the (first) certificate, `AA:BB:…`. */
  fingerprint256: string;
  /** True when a self-signed certificate was created by this start. */
  generated: boolean;
}

const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** Names a self-signed certificate must cover for a server bound to `host`. */
export function selfSignedHosts(host: string): string[] {
  const first = WILDCARD.has(host) ? [hostname()] : [host];
  return [...new Set([...first, 'localhost', '127.0.0.1', '::1'])];
}

function readPem(file: string, key: string): Buffer {
  try {
    return readFileSync(file);
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw userError('TLS_CONFIG_INVALID', `${key}: cannot read ${file} (${reason})`, { cause });
  }
}

/**
 * Resolves `server.tls.*` to a certificate and key, or undefined for plain HTTP: the configured PEM
 * files, or with `selfSigned` a certificate generated under `<dataDir>/tls/`. A half or contradictory
 * configuration, an unreadable file or a key that does not match the certificate is TLS_CONFIG_INVALID,
 * reported before anything else starts.
 */
export function resolveServerTls(config: VigilConfig, now?: Date): ServerTls | undefined {
  const { certFile, keyFile, selfSigned } = config.server.tls;
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw userError(
      'TLS_CONFIG_INVALID',
      'server.tls.certFile and server.tls.keyFile must be set together (VIGIL_TLS_CERT_FILE, VIGIL_TLS_KEY_FILE)',
    );
  }
  if (certFile !== undefined && keyFile !== undefined) {
    if (selfSigned) {
      throw userError(
        'TLS_CONFIG_INVALID',
        'server.tls.selfSigned cannot be combined with server.tls.certFile/keyFile; choose one',
      );
    }
    return loadPair(certFile, keyFile, false, false);
  }
  if (!selfSigned) return undefined;
  const files = ensureSelfSignedCertificate(
    join(config.dataDir, 'tls'),
    selfSignedHosts(config.server.host),
    now,
  );
  return loadPair(files.certFile, files.keyFile, true, files.generated);
}

function loadPair(certFile: string, keyFile: string, selfSigned: boolean, generated: boolean): ServerTls {
  const cert = readPem(certFile, 'server.tls.certFile');
  const key = readPem(keyFile, 'server.tls.keyFile');
  let fingerprint256: string;
  try {
    fingerprint256 = new X509Certificate(cert).fingerprint256;
  } catch (cause) {
    throw userError('TLS_CONFIG_INVALID', `server.tls.certFile: ${certFile} is not a PEM certificate`, {
      cause,
    });
  }
  try {
    // Fails on an unparsable key and on a key that does not belong to the certificate.
    createSecureContext({ cert, key });
  } catch (cause) {
    throw userError(
      'TLS_CONFIG_INVALID',
      `server.tls.keyFile: ${keyFile} is not the private key of ${certFile} (${(cause as Error).message})`,
      { cause },
    );
  }
  return { cert, key, certFile, keyFile, selfSigned, fingerprint256, generated };
}

/** Whether the configuration asks for HTTPS (cookies get `Secure`, responses HSTS). */
export function serverUsesTls(config: VigilConfig): boolean {
  return config.server.tls.certFile !== undefined || config.server.tls.selfSigned;
}
