export * from './service-urls.ts';
export * from './shared-data.ts';
