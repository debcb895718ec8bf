import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '@vigil/core';
import { MemoryMetadataStore } from '../auth/memory-metadata-store.ts';
import {
  BRUTE_ID,
  bruteForceCorrelation,
  FAILED_ID,
  failedLogonRule,
  WHOAMI_ID,
  whoamiRule,
} from '../detection/detection-fixture.ts';
import { importRules } from './import-rules.ts';
import { RuleStore } from './rule-store.ts';

test('setEnabledMany undoes its earlier writes when one fails, and moves the revision once', async () => {
  const rules = new RuleStore(new MemoryMetadataStore(), new ManualClock(Date.UTC(2026, 2, 1)));
  await importRules(rules, 'ws-a', [
    { path: 'w.yml', text: whoamiRule() },
    { path: 'f.yml', text: failedLogonRule },
    { path: 'b.yml', text: bruteForceCorrelation },
  ]);
  const enabled = async () => (await rules.all('ws-a')).filter((r) => r.data.enabled).map((r) => r.id);
  const rev = await rules.revision('ws-a');
  const ok = await rules.setEnabledMany('ws-a', [WHOAMI_ID, FAILED_ID, WHOAMI_ID], true);
  assert.deepEqual(ok.changed.sort(), [WHOAMI_ID, FAILED_ID].sort());
  assert.equal(await rules.revision('ws-a'), rev + 1);

  // The third write fails (e.g. a concurrent edit): the two before it are set back.
  const update = rules.rules.update.bind(rules.rules);
  let calls = 0;
  rules.rules.update = (ws, id, version, data) => {
    if (++calls === 2)
      return Promise.reject(Object.assign(new Error('conflict'), { code: 'VERSION_CONFLICT' }));
    return update(ws, id, version, data);
  };
  await assert.rejects(rules.setEnabledMany('ws-a', [WHOAMI_ID, FAILED_ID, BRUTE_ID], false), /conflict/);
  rules.rules.update = update;
  assert.deepEqual((await enabled()).sort(), [WHOAMI_ID, FAILED_ID].sort());
});
