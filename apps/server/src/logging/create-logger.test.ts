import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { testServer } from '../testing/fake-runtime.ts';
import { createLogger } from './create-logger.ts';
import { PUBLIC } from '../http/route-config.ts';

const SECRETS = ['Bearer sk-live-AUTH', 'session=COOKIE-SECRET', 'APIKEY-SECRET', 'hunter2-BODY'];

test('credentials in request headers never reach the log', async () => {
  const { app, logs } = await testServer({
    routes: (a) => {
      // Public: the handler must run with these (invalid) credentials in the headers.
      a.post('/api/v1/test/fail', { config: { permission: PUBLIC } }, (request) => {
        // A careless handler logging what it received still leaks nothing.
        request.log.warn({ body: request.body, headers: request.headers }, 'handler saw request');
        throw new Error('boom');
      });
    },
  });
  await app.inject({
    method: 'POST',
    url: '/api/v1/test/fail',
    headers: {
      authorization: SECRETS[0],
      cookie: SECRETS[1],
      'x-api-key': SECRETS[2],
      'user-agent': 'redaction-test-agent',
    },
    payload: { username: 'ann', password: SECRETS[3], token: SECRETS[3] },
  });
  await app.close();
  const output = logs.join('');
  // The log did record the request (so the absence below means something).
  assert.match(output, /redaction-test-agent/);
  assert.match(output, /handler saw request/);
  for (const secret of SECRETS) assert.ok(!output.includes(secret), `${secret} leaked into the log`);
  assert.match(output, /\[redacted\]/);
});

test('password and token fields are censored in any log record', () => {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk: Buffer, _e, cb) {
        lines.push(chunk.toString());
        cb();
      },
    }),
  });
  logger.info(
    { password: 'p1-SECRET', user: { token: 't1-SECRET' }, a: { b: { secret: 's1-SECRET' } } },
    'x',
  );
  const text = lines.join('');
  assert.doesNotMatch(text, /SECRET/);
});
