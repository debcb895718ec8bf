/** Collects bound values for `$n` placeholders; a placeholder can be reused within one statement. */
export class PgParams {
  readonly values: unknown[] = [];

  add(value: unknown, type?: string): string {
    this.values.push(value);
    return type ? `$${this.values.length}::${type}` : `$${this.values.length}`;
  }
}
