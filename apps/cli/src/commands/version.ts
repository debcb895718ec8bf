import { VIGIL_VERSION } from '@vigil/server';
import { EXIT_OK, type Command } from '../command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

export const versionCommand: Command = {
  name: 'version',
  summary: 'Print the Vigil version',
  usage: `Usage: vigil version [--json]

Prints the version of this Vigil installation and the Node.js runtime.

Options:
  --json              Print {"version","node"} as JSON
  -h, --help          Show this help`,
  run(args, io) {
    const { values } = parseCommandArgs('version', args, { json: { type: 'boolean' } });
    io.stdout.write(
      values.json === true
        ? `${JSON.stringify({ version: VIGIL_VERSION, node: process.version })}\n`
        : `vigil ${VIGIL_VERSION} (Node.js ${process.version})\n`,
    );
    return Promise.resolve(EXIT_OK);
  },
};
