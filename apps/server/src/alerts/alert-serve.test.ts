import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, test } from 'node:test';
import { loadConfig } from '@vigil/config';
import { openSqliteCasesStores } from '@vigil/store-sqlite';
import { drainTopic } from '../compose/drain-topic.ts';
import { createLogger } from '../logging/create-logger.ts';
import { startServer } from '../start-server.ts';
import { DETECTIONS_TOPIC } from './alert-pipeline.ts';
import { processEvent } from './testing/cases-fixture.ts';

const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('embedded serve runs the alert pipeline: detections on the bus become stored alerts', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-serve-alerts-'));
  dirs.push(dataDir);
  const config = loadConfig({
    env: { VIGIL_DATA_DIR: dataDir, VIGIL_PORT: '0', VIGIL_SYSLOG_UDP_PORT: '0', VIGIL_SYSLOG_TCP_PORT: '0' },
  });
  const server = await startServer(config, { logger: quiet });
  try {
    const at = Date.now();
    await server.bus.publish(DETECTIONS_TOPIC, [
      {
        workspace: 'default',
        rule: { id: 'r-1', title: 'Encoded PowerShell', tags: ['attack.execution'], level: 'high' },
        kind: 'event',
        events: [processEvent('e-1', at)],
        time: at,
      },
    ]);
    assert.equal(await drainTopic(server.bus, DETECTIONS_TOPIC, 5000), 0);
  } finally {
    await server.close();
  }
  const stores = await openSqliteCasesStores({ dataDir });
  try {
    const alerts = await stores.alerts.list('default');
    assert.deepEqual(
      alerts.map((a) => [a.title, a.severity]),
      [['Encoded PowerShell', 'high']],
    );
    // High severity with nothing related: opened its own incident (grouping is on by default).
    assert.ok(alerts[0]?.incidentId);
  } finally {
    await stores.close();
  }
});
