// A long-running command whose shutdown never finishes, to test the forced exits of runUntilSignal.
// Usage: node signal-fixture.ts <timeoutMs>
import { silentLogger } from '@vigil/core';
import { runUntilSignal } from '../run-until-signal.ts';
import { processIO } from '../main.ts';

const timeoutMs = Number(process.argv[2] ?? '60000');
// Stands in for the listening server, which is what keeps a real `vigil serve` alive.
setInterval(() => {}, 1 << 30);
const running = runUntilSignal({
  close: () => new Promise<void>(() => {}),
  timeoutMs,
  logger: silentLogger,
  io: processIO(),
});
// Printed after the call: runUntilSignal installs its signal handlers synchronously.
process.stdout.write('ready\n');
await running;
