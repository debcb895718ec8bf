import { userError } from '@vigil/core';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/;

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

export interface BindSafety {
  host: string;
  port: number;
  tls: boolean;
  allowInsecureHttp: boolean;
  /** The process uid (undefined on platforms without uids). */
  uid: number | undefined;
}

/**
 * DESIGN §7: never expose a root-owned process beyond loopback, and nothing leaves loopback without
 * TLS unless the operator says so (`server.allowInsecureHttp`, e.g. behind a TLS-terminating proxy).
 */
export function checkBindSafety(bind: BindSafety): void {
  if (isLoopbackHost(bind.host)) return;
  if (bind.uid === 0) {
    throw userError(
      'UNSAFE_BIND',
      `refusing to serve ${bind.host}:${bind.port} as root; run Vigil as an unprivileged user`,
    );
  }
  if (!bind.tls && !bind.allowInsecureHttp) {
    throw userError(
      'UNSAFE_BIND',
      `refusing to serve plain HTTP on the non-loopback address ${bind.host}:${bind.port}; ` +
        'configure server.tls.certFile and server.tls.keyFile (or server.tls.selfSigned / --tls-self-signed), ' +
        'or set server.allowInsecureHttp: true (VIGIL_ALLOW_INSECURE_HTTP=true) if a TLS proxy fronts Vigil',
    );
  }
}
