/** Options of `vigil detect` (DESIGN §5). */
export interface DetectArgs {
  rules: string[];
  input: string;
  format: 'auto' | 'jsonl' | 'json' | 'evtx-json';
  output: 'jsonl';
  strict: boolean;
  latenessSeconds: number;
}

const formats = new Set(['auto', 'jsonl', 'json', 'evtx-json']);

/**
 * Parses `--rules PATH... --input FILE [--format F] [--output jsonl] [--strict] [--lateness S]`.
 * `--rules` takes every following argument up to the next option (and may be repeated); `--x=v` works too.
 */
export function parseDetectArgs(args: readonly string[]): { args?: DetectArgs; help?: true; error?: string } {
  const out: DetectArgs = {
    rules: [],
    input: '',
    format: 'auto',
    output: 'jsonl',
    strict: false,
    latenessSeconds: 0,
  };
  let input: string | undefined;
  for (let i = 0; i < args.length; i++) {
    let arg = args[i] as string;
    let inline: string | undefined;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      const v = args[i + 1];
      if (v === undefined || v.startsWith('--')) return undefined;
      i++;
      return v;
    };
    switch (arg) {
      case '-h':
      case '--help':
        return { help: true };
      case '--rules': {
        if (inline !== undefined) out.rules.push(inline);
        else
          while (i + 1 < args.length && !(args[i + 1] as string).startsWith('--'))
            out.rules.push(args[++i] as string);
        break;
      }
      case '--input': {
        const v = value();
        if (v === undefined) return { error: '--input needs a file' };
        input = v;
        break;
      }
      case '--format': {
        const v = value();
        if (v === undefined || !formats.has(v))
          return { error: '--format must be one of auto, jsonl, json, evtx-json' };
        out.format = v as DetectArgs['format'];
        break;
      }
      case '--output': {
        const v = value();
        if (v !== 'jsonl') return { error: '--output must be jsonl' };
        break;
      }
      case '--strict':
        out.strict = true;
        break;
      case '--lateness': {
        const v = value();
        const n = v === undefined ? NaN : Number(v);
        if (!Number.isFinite(n) || n < 0) return { error: '--lateness needs a number of seconds (>= 0)' };
        out.latenessSeconds = n;
        break;
      }
      default:
        return { error: arg.startsWith('-') ? `unknown option ${arg}` : `unexpected argument "${arg}"` };
    }
  }
  if (out.rules.length === 0) return { error: '--rules PATH... is required' };
  if (input === undefined) return { error: '--input FILE is required' };
  out.input = input;
  return { args: out };
}
