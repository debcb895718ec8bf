// Where contract suites find the real services. CI sets both variables and requires them: a suite whose
// variable is set must fail (not skip) when the service is unreachable. Unset means "not configured here".

/** PostgreSQL URL for adapter tests, or undefined when not configured. */
export function pgUrl(): string | undefined {
  return process.env['VIGIL_PG_URL'] || undefined;
}

/** NATS URL for adapter tests, or undefined when not configured. */
export function natsUrl(): string | undefined {
  return process.env['VIGIL_NATS_URL'] || undefined;
}

/** A node:test `skip` value: false when the URL is set, else a message telling how to enable the suite. */
export function skipUnless(url: string | undefined, variable: string): false | string {
  if (url) return false;
  if (process.env['CI']) {
    // In CI the services are mandatory: refuse to skip silently.
    throw new Error(`${variable} is not set but CI requires the adapter tests to run`);
  }
  return `set ${variable} to run this suite against a real server`;
}
