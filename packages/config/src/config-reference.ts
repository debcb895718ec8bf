import { configKeys } from './config-keys.ts';

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/**
 * The configuration reference as a Markdown table, generated from the schema so the README cannot
 * drift from the code. Precedence: default < config file < environment < flag.
 */
export function configReference(): string {
  const rows = configKeys.map((k) => {
    const type = k.choices ? k.choices.join(' | ') : k.type;
    const fallback = k.default === undefined ? '—' : `\`${JSON.stringify(k.default)}\``;
    const secret = k.secret ? ' (secret, redacted in `config print`)' : '';
    return (
      `| \`${k.path}\` | ${k.env ? `\`${k.env}\`` : '—'} | ${k.flag ? `\`--${k.flag}\`` : '—'} | ` +
      `${cell(type)} | ${cell(fallback)} | ${cell(k.description)}${secret} |`
    );
  });
  return [
    'Settings resolve in this order, later winning: schema default, JSON config file (`--config FILE` or `VIGIL_CONFIG`), `VIGIL_*` environment variables, command-line flags. In the config file, dotted keys are nested objects (`{"server": {"port": 9000}}`).',
    '',
    '| Key | Environment | Flag | Type | Default | Description |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
