import { configReference } from '@vigil/config';
import { EXIT_OK, type Command } from '../command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

export const configReferenceCommand: Command = {
  name: 'config reference',
  summary: 'Print the configuration reference (Markdown table of every setting)',
  usage: `Usage: vigil config reference

Prints every configuration key with its VIGIL_* variable, flag, type, default and description, as
a Markdown table generated from the configuration schema (the README's table comes from here).

Options:
  -h, --help          Show this help`,
  run(args, io) {
    parseCommandArgs('config reference', args, {});
    io.stdout.write(configReference());
    return Promise.resolve(EXIT_OK);
  },
};
