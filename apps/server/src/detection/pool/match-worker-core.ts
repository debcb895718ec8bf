import { loadRulesSliced } from '@vigil/sigma';
import type { Ruleset } from '@vigil/sigma';
import { eventLoopSlicer } from '../event-loop-slicer.ts';
import { packHits } from './match-protocol.ts';
import type { FromWorker, ToWorker } from './match-protocol.ts';

/**
 * The state of one match worker: its compiled rulesets by key. Compiles are sliced so match
 * requests for the ruleset still serving are answered while a new version compiles beside it.
 */
export class MatchWorkerCore {
  private readonly rulesets = new Map<string, Promise<Ruleset>>();

  async handle(msg: ToWorker): Promise<FromWorker | undefined> {
    switch (msg.type) {
      case 'compile': {
        const loading = loadRulesSliced(msg.sources, { placeholders: msg.placeholders }, eventLoopSlicer);
        this.rulesets.set(
          msg.key,
          loading.then((l) => l.ruleset),
        );
        const { ruleset, rejected, warnings } = await loading;
        return {
          type: 'compiled',
          id: msg.id,
          meta: { rules: [...ruleset.rules], correlations: [...ruleset.correlations], rejected, warnings },
        };
      }
      case 'match': {
        const pending = this.rulesets.get(msg.key);
        if (!pending) return { type: 'failed', id: msg.id, message: `no ruleset ${msg.key} in this worker` };
        const ruleset = await pending;
        const text = msg.text ?? '[]';
        const events =
          msg.events ?? (msg.lines === true ? parseLines(text) : (JSON.parse(text) as unknown[]));
        const hits = packHits(events.map((e) => ruleset.matchIndexes(e)));
        return { type: 'matched', id: msg.id, hits, events: events.length };
      }
      case 'drop':
        this.rulesets.delete(msg.key);
        return undefined;
    }
  }
}

function parseLines(text: string): unknown[] {
  const out: unknown[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) out.push(JSON.parse(text.slice(start, end)));
    start = end + 1;
  }
  return out;
}
