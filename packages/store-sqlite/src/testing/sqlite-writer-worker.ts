// Test helper run in a worker thread: a second writer with its own connection, like a second process.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteStorage } from '../sqlite-storage.ts';

interface WriterTask {
  dataDir: string;
  workspace: string;
  prefix: string;
  batches: number;
  batchSize: number;
  ts: number;
}

const task = workerData as WriterTask;
const storage = await openSqliteStorage({ dataDir: task.dataDir });
const report = await storage.migrate();
let appended = 0;
for (let b = 0; b < task.batches; b += 1) {
  const events = Array.from({ length: task.batchSize }, (_, i) => ({
    '@timestamp': new Date(task.ts + b).toISOString(),
    vigil: {
      id: `${task.prefix}-${b}-${i}`,
      workspace: task.workspace,
      data_space: 'default',
      received_at: new Date(task.ts).toISOString(),
    },
  }));
  appended += (await storage.events.append(events)).appended;
}
await storage.close();
parentPort?.postMessage({ applied: report.applied, appended });
