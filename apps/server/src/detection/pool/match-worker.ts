// Entry point of a detection match worker thread (see MatchPool).
import { parentPort } from 'node:worker_threads';
import { MatchWorkerCore } from './match-worker-core.ts';
import type { FromWorker, ToWorker } from './match-protocol.ts';

const port = parentPort;
if (!port) throw new Error('match-worker.ts runs as a worker thread');
const core = new MatchWorkerCore();
port.on('message', (msg: ToWorker) => {
  core.handle(msg).then(
    (reply) => {
      if (!reply) return;
      port.postMessage(reply, reply.type === 'matched' ? [reply.hits.buffer as ArrayBuffer] : []);
    },
    (err: unknown) => {
      const failed: FromWorker = {
        type: 'failed',
        id: msg.type === 'drop' ? -1 : msg.id,
        message: String(err),
      };
      port.postMessage(failed);
    },
  );
});
