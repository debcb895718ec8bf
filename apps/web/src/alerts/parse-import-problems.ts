// The problems of a refused alert import (`error.details.problems`, `where` like `[3].severity`). Pure.
import { obj, objects, str } from '../admin/parse.ts';

export interface ImportProblem {
  /** 1-based alert (JSON item or CSV data row); undefined for a problem of the whole file. */
  readonly row: number | undefined;
  readonly field: string | undefined;
  readonly reason: string;
}

/** Example: `[{where: '[1].title', message: 'title: required'}]` → `[{row: 2, field: 'title', reason: 'title: required'}]`. */
export function parseImportProblems(details: unknown): ImportProblem[] {
  return objects(obj(details)['problems']).flatMap((p): ImportProblem[] => {
    const reason = str(p['message']);
    if (reason === undefined) return [];
    const where = /^\[(\d+)\](?:\.(.+))?$/.exec(str(p['where']) ?? '');
    if (where === null) return [{ row: undefined, field: undefined, reason }];
    return [{ row: Number(where[1]) + 1, field: where[2], reason }];
  });
}
