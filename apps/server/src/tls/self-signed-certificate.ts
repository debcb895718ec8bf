import { createHash, generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import {
  bitString,
  boolean,
  explicit,
  implicitPrimitive,
  integer,
  octetString,
  oid,
  sequence,
  set,
  time,
  utf8String,
} from './der-encode.ts';

export interface SelfSignedCertificate {
  certPem: string;
  keyPem: string;
  /** `AA:BB:…` SHA-256 fingerprint of the certificate, as browsers show it. */
  fingerprint256: string;
}

export interface SelfSignedCertificateOptions {
  /** DNS names and IP addresses for the subjectAltName; the first one is also the subject CN. */
  hosts: readonly string[];
  /** Validity in days from now (default 365). */
  days?: number;
  now?: Date;
}

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
} as const;

/** The 16 bytes of an IPv6 address (`::` expanded, an embedded IPv4 tail allowed). */
function ipv6Bytes(address: string): Buffer {
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = v4[1].split('.').map(Number);
    text = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const groups = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(g, i * 2));
  return out;
}

function generalName(host: string): Buffer {
  const family = isIP(host);
  if (family === 4) return implicitPrimitive(7, Buffer.from(host.split('.').map(Number)));
  if (family === 6) return implicitPrimitive(7, ipv6Bytes(host));
  return implicitPrimitive(2, Buffer.from(host, 'ascii'));
}

function extension(id: string, critical: boolean, value: Uint8Array): Buffer {
  return critical
    ? sequence(oid(id), boolean(true), octetString(value))
    : sequence(oid(id), octetString(value));
}

/**
 * Builds a self-signed X.509 v3 server certificate (ECDSA P-256, SHA-256) with `node:crypto` only:
 * Node can sign but not generate certificates, so the TBSCertificate is DER-encoded here.
 * Meant for a first try of `vigil serve` over HTTPS; clients must trust it explicitly.
 * @example createSelfSignedCertificate({ hosts: ['localhost', '127.0.0.1', '::1'] })
 */
export function createSelfSignedCertificate(options: SelfSignedCertificateOptions): SelfSignedCertificate {
  const hosts = [...new Set(options.hosts)];
  if (hosts.length === 0) throw new Error('a self-signed certificate needs at least one host');
  const now = options.now ?? new Date();
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f; // positive, at most 20 octets (RFC 5280 §4.1.2.2)
  const algorithm = sequence(oid(OID.ecdsaWithSha256));
  const name = sequence(
    set(sequence(oid(OID.organization), utf8String('Vigil (self-signed)'))),
    set(sequence(oid(OID.commonName), utf8String(hosts[0] ?? 'localhost'))),
  );
  // SKI: SHA-1 of the subjectPublicKey bits (RFC 5280 §4.2.1.2 method 1); the BIT STRING is spki's tail.
  const keyBits = spki.subarray(spki.length - 65);
  const extensions = [
    extension(OID.basicConstraints, true, sequence()),
    extension(OID.keyUsage, true, bitString(Buffer.from([0x80]))), // digitalSignature
    extension(OID.extKeyUsage, false, sequence(oid(OID.serverAuth))),
    extension(OID.subjectAltName, false, sequence(...hosts.map(generalName))),
    extension(OID.subjectKeyIdentifier, false, octetString(createHash('sha1').update(keyBits).digest())),
  ];
  const tbs = sequence(
    explicit(0, integer(2)), // v3
    integer(serial),
    algorithm,
    name,
    sequence(
      time(new Date(now.getTime() - 3_600_000)), // an hour of slack for skewed clocks
      time(new Date(now.getTime() + (options.days ?? 365) * 86_400_000)),
    ),
    name,
    spki,
    explicit(3, sequence(...extensions)),
  );
  const signature = sign('sha256', tbs, privateKey); // DER ECDSA-Sig-Value, as X.509 wants
  const der = sequence(tbs, algorithm, bitString(signature));
  const certPem = `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  return { certPem, keyPem, fingerprint256: new X509Certificate(certPem).fingerprint256 };
}
