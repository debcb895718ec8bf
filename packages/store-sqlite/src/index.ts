export { openSqliteStorage, SQLITE_FILE_NAME } from './sqlite-storage.ts';
export type { SqliteStorageOptions } from './sqlite-storage.ts';
export { sqliteMigrations } from './migrations/sqlite-migration-list.ts';
export * from './identity/sqlite-identity-stores.ts';
export * from './cases/sqlite-cases-stores.ts';
export * from './events/sqlite-event-pseudonymise.ts';
export { countSqliteWorkspaceRows } from './purge/sqlite-workspace-rows.ts';
