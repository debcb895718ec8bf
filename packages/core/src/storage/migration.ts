/** One forward-only schema step. Versions are consecutive integers starting at 1. */
export interface Migration {
  version: number;
  name: string;
  /** SQL statements for the adapter's dialect, run in one transaction. */
  sql: string;
}

export interface MigrationReport {
  /** Versions applied by this call (empty when already up to date). */
  applied: number[];
  /** Schema version after the call. */
  current: number;
}

/** Checks a migration list is 1..n without gaps or duplicates; returns problems, empty when valid. */
export function checkMigrations(migrations: readonly Migration[]): string[] {
  const problems: string[] = [];
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) problems.push(`migration #${i} has version ${m.version}, expected ${i + 1}`);
  });
  return problems;
}
