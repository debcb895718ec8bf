export { main, processIO } from './main.ts';
export { commands, findCommand } from './command-registry.ts';
export * from './command.ts';
