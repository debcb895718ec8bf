// Test support: a match worker that compiles like the real one and dies on batches while its
// shared crash budget (workerData, an Int32Array over a SharedArrayBuffer) lasts.
import { parentPort, workerData } from 'node:worker_threads';
import { MatchWorkerCore } from '../match-worker-core.ts';
import type { ToWorker } from '../match-protocol.ts';

const budget = (workerData as { crashes: Int32Array }).crashes;
const core = new MatchWorkerCore();
parentPort?.on('message', (msg: ToWorker) => {
  if (msg.type === 'match' && Atomics.sub(budget, 0, 1) > 0) process.exit(3);
  void core.handle(msg).then((reply) => {
    if (reply) parentPort?.postMessage(reply);
  });
});
