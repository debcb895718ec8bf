export * from './nats-bus.ts';
export * from './nats-stream-name.ts';
export * from './redact-nats-url.ts';
