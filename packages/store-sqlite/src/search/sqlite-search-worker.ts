// Worker thread entry of WorkerEventSearch: runs searches on its own read-only connection, so a slow
// query blocks this thread, not the server's event loop (ingest, API, listeners).
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { isVigilError } from '@vigil/core';
import { registerSqliteFunctions } from '../connection/sqlite-functions.ts';
import { SqliteEventSearch } from './sqlite-event-search.ts';
import type { SearchReply, SearchRequestMessage } from './worker-messages.ts';

const { path } = workerData as { path: string };
const db = new DatabaseSync(path, { readOnly: true });
db.exec('PRAGMA busy_timeout = 5000');
registerSqliteFunctions(db);
const search = new SqliteEventSearch(db);

parentPort?.on('message', (message: SearchRequestMessage) => {
  void search.search(message.request).then(
    (result) => parentPort?.postMessage({ id: message.id, result } satisfies SearchReply),
    (error: unknown) => {
      // Errors lose their class across threads: send the fields the caller rebuilds a VigilError from.
      const reply: SearchReply = isVigilError(error)
        ? {
            id: message.id,
            error: {
              code: error.code,
              kind: error.kind,
              message: error.message,
              ...(error.details === undefined ? {} : { details: error.details }),
              ...(error.status === undefined ? {} : { status: error.status }),
              ...(error.retryAfterSeconds === undefined
                ? {}
                : { retryAfterSeconds: error.retryAfterSeconds }),
            },
          }
        : {
            id: message.id,
            error: { code: 'SEARCH_FAILED', kind: 'unexpected', message: String(error) },
          };
      parentPort?.postMessage(reply);
    },
  );
});
