export { openPostgresStorage } from './postgres-storage.ts';
export type { PostgresStorageOptions } from './postgres-storage.ts';
export { postgresMigrations } from './migrations/pg-migration-list.ts';
export { describeTarget } from './connection/pg-errors.ts';
export * from './identity/pg-identity-stores.ts';
export * from './cases/pg-cases-stores.ts';
export * from './events/pg-event-pseudonymise.ts';
export { countPgWorkspaceRows } from './purge/pg-workspace-rows.ts';
export { dropPostgresSchema } from './connection/pg-drop-schema.ts';
