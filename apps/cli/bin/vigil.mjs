#!/usr/bin/env node
// Entry point of the `vigil` command. Plain JavaScript so that an old Node gets a clear message
// instead of a syntax error: Vigil's TypeScript runs directly on Node 24 (type stripping).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `vigil: Node.js 24 or newer is required (this is ${process.version}). ` +
      'Run it through npm, which uses the Node 24 pinned in devDependencies: `npm start` or `npx vigil ...`.\n',
  );
  process.exit(1);
}
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
