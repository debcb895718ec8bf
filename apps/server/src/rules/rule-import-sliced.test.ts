import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';
import type { AuthFixture, Session } from '../auth/testing/auth-fixture.ts';

const PASSWORD = 'Correct-Horse-42!';

/** Distinct process-creation rules, so compiling them takes many slices. */
const files = Array.from({ length: 1500 }, (_, i) => ({
  path: `bulk/r${i}.yml`,
  text: `title: Tool ${i}\nid: 00000000-0000-4000-8000-${String(i).padStart(12, '0')}\nlogsource:\n  category: process_creation\n  product: windows\ndetection:\n  selection:\n    CommandLine|contains: 'tool-${i}-marker'\n    Image|endswith: '\\\\t${i}.exe'\n  condition: selection\n`,
}));

let fx: AuthFixture;
let analyst: Session;
before(async () => {
  fx = await authFixture();
  await addUser(fx.rt, 'ana', PASSWORD, [['analyst', 'ws-a']]);
  analyst = await login(fx.app, 'ana', PASSWORD);
});
after(async () => {
  await fx.app.close();
});

test('the server keeps answering while a large rule import compiles', async () => {
  const order: string[] = [];
  const importing = fx.app
    .inject({
      method: 'POST',
      url: '/api/v1/workspaces/ws-a/rules/import',
      headers: analyst.headers,
      payload: { files },
    })
    .then((res) => {
      order.push('import');
      return res;
    });
  // Event-loop turns while the import runs: compiled at once it would take a handful; sliced, many.
  let turns = 0;
  let health: Awaited<ReturnType<typeof fx.app.inject>> | undefined;
  while (order.length < 2 && turns < 100_000) {
    await new Promise((r) => setImmediate(r));
    turns++;
    if (turns === 2)
      void fx.app.inject({ method: 'GET', url: '/healthz' }).then((r) => {
        health = r;
        order.push('healthz');
      });
  }
  const res = await importing;
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json<{ counts: { created: number } }>().counts.created, 1500);
  assert.equal(health?.statusCode, 200);
  assert.deepEqual(order, ['healthz', 'import']);
  assert.ok(turns > 20, `the import spanned ${turns} event-loop turns`);
});
