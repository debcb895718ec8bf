import type { SQLInputValue } from 'node:sqlite';

/** Collects bound values; placeholders are numbered (`?N`) so one value can be reused in several places. */
export class SqlParams {
  readonly values: SQLInputValue[] = [];

  add(value: SQLInputValue): string {
    this.values.push(value);
    return `?${this.values.length}`;
  }
}
