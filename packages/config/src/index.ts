export * from './config.schema.ts';
export * from './config-keys.ts';
export * from './load-config.ts';
export * from './redact-config.ts';
export * from './config-reference.ts';
