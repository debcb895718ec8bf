import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { createSelfSignedCertificate } from './self-signed-certificate.ts';

export interface SelfSignedFiles {
  certFile: string;
  keyFile: string;
  fingerprint256: string;
  /** True when this call created the files (first use, expiry, or a host the old one did not cover). */
  generated: boolean;
}

/** A certificate is reused while it is valid for another day and names every host. */
function reusable(
  certFile: string,
  keyFile: string,
  hosts: readonly string[],
  now: Date,
): string | undefined {
  if (!existsSync(certFile) || !existsSync(keyFile)) return undefined;
  try {
    const cert = new X509Certificate(readFileSync(certFile));
    if (new Date(cert.validTo).getTime() < now.getTime() + 86_400_000) return undefined;
    const covers = (h: string) => (isIP(h) ? cert.checkIP(h) : cert.checkHost(h)) !== undefined;
    return hosts.every(covers) ? cert.fingerprint256 : undefined;
  } catch {
    return undefined; // unreadable or not a certificate: replace it
  }
}

/**
 * The self-signed certificate of `vigil serve --tls-self-signed`: `<dir>/self-signed.crt` and
 * `<dir>/self-signed.key` (0600, in a 0700 directory), created on first use and reused afterwards.
 */
export function ensureSelfSignedCertificate(
  dir: string,
  hosts: readonly string[],
  now: Date = new Date(),
): SelfSignedFiles {
  const certFile = join(dir, 'self-signed.crt');
  const keyFile = join(dir, 'self-signed.key');
  const existing = reusable(certFile, keyFile, hosts, now);
  if (existing !== undefined) return { certFile, keyFile, fingerprint256: existing, generated: false };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const created = createSelfSignedCertificate({ hosts, now });
  // Key first, then certificate: a crash in between leaves no certificate without its key.
  writeFileSync(keyFile, created.keyPem, { mode: 0o600 });
  chmodSync(keyFile, 0o600); // an older file keeps its mode on overwrite
  writeFileSync(certFile, created.certPem, { mode: 0o644 });
  return { certFile, keyFile, fingerprint256: created.fingerprint256, generated: true };
}
