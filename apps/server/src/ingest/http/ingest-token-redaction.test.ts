import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestFixture } from '../testing/ingest-fixture.ts';

test('no ingest token reaches the log, whatever the protocol and outcome', async () => {
  const f = await ingestFixture();
  const secret = f.tokens.a.slice(-20);
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const requests = [
    { url: '/api/v1/workspaces/ws-a/ingest', authorization: `Bearer ${f.tokens.a}`, payload: '{"a":1}' },
    { url: '/api/v1/workspaces/ws-b/ingest', authorization: `Bearer ${f.tokens.a}`, payload: '{"a":1}' },
    {
      url: '/services/collector/event',
      authorization: `Splunk ${f.tokens.a}`,
      payload: '{"event":"x"}{"nope":1}',
    },
    { url: '/es/_bulk', authorization: `ApiKey ${b64(`id:${f.tokens.a}`)}`, payload: 'broken action\n' },
    { url: '/v1/logs', authorization: `Bearer ${f.tokens.a}x`, payload: '{}' },
  ];
  for (const r of requests) {
    await f.app.inject({
      method: 'POST',
      url: r.url,
      headers: { authorization: r.authorization, 'content-type': 'application/json' },
      payload: r.payload,
    });
  }
  assert.ok(f.logs.length > 5);
  const all = f.logs.join('\n');
  assert.ok(!all.includes(secret), 'an ingest token secret was logged');
  assert.ok(!all.includes(b64(`id:${f.tokens.a}`)), 'an encoded ingest token was logged');
  await f.close();
});
