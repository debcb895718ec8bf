import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** PEM file paths of one certificate and its key. */
export interface TestCert {
  cert: string;
  key: string;
  /** The certificate's PEM text. */
  pem: string;
}

export interface TestPki {
  /** The syslog listener's own certificate (self-signed, CN=localhost). */
  server: TestCert;
  /** A CA (basicConstraints CA:TRUE) and a client certificate it issued. */
  ca: TestCert;
  issued: TestCert;
  /** Self-signed client certificates: one to pin, one nobody registered. */
  pinned: TestCert;
  stranger: TestCert;
}

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: 'ignore' });
}

function selfSigned(dir: string, name: string, extra: string[] = []): TestCert {
  const cert = join(dir, `${name}.pem`);
  const key = join(dir, `${name}-key.pem`);
  openssl(
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2'].concat(
      ['-subj', `/CN=${name}`, '-keyout', key, '-out', cert],
      extra,
    ),
  );
  return { cert, key, pem: readFileSync(cert, 'utf8') };
}

/** Generates the certificates of the syslog TLS tests with the openssl command (Debian's). */
export function makeTestPki(dir: string): TestPki {
  const ca = selfSigned(dir, 'syslog-ca', [
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=keyCertSign',
  ]);
  const csr = join(dir, 'issued.csr');
  const key = join(dir, 'issued-key.pem');
  const cert = join(dir, 'issued.pem');
  openssl([
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-subj',
    '/CN=fleet-host-1',
    '-keyout',
    key,
    '-out',
    csr,
  ]);
  const ext = join(dir, 'client.ext');
  writeFileSync(ext, 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n');
  openssl([
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    ca.cert,
    '-CAkey',
    ca.key,
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    ext,
    '-out',
    cert,
  ]);
  return {
    server: selfSigned(dir, 'localhost', ['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1']),
    ca,
    issued: { cert, key, pem: readFileSync(cert, 'utf8') },
    pinned: selfSigned(dir, 'pinned-host'),
    stranger: selfSigned(dir, 'stranger-host'),
  };
}
