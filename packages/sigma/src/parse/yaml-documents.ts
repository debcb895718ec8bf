import jsyaml from 'js-yaml';

/** One YAML document of a rule file, as plain data, with a way to find the line of a key path. */
export interface YamlDocument {
  /** 0-based position of the document in its file. */
  index: number;
  /** 1-based line where the document starts. */
  line: number;
  data: unknown;
  /** Syntax errors of this document (message + line). */
  errors: { message: string; line?: number }[];
  lineOf(path: readonly (string | number)[]): number | undefined;
}

// Integers only in plain decimal form: `0x10` or `0o7` stay strings, since Sigma compares values as text.
const decimalInt = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && /^[-+]?(?:0|[1-9][0-9]*)$/.test(data),
  construct: (data: string) => Number(data),
  predicate: (obj: unknown) => Number.isInteger(obj),
});
const decimalFloat = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: unknown) =>
    typeof data === 'string' && /^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/.test(data),
  construct: (data: string) => Number(data),
  predicate: (obj: unknown) => typeof obj === 'number' && !Number.isInteger(obj),
});
const nullType = new jsyaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: unknown) =>
    data === null || (typeof data === 'string' && /^(?:~|null|Null|NULL)?$/.test(data)),
  construct: () => null,
  predicate: (obj: unknown) => obj === null,
});
const boolType = new jsyaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && /^(?:true|True|TRUE|false|False|FALSE)$/.test(data),
  construct: (data: string) => data.toLowerCase() === 'true',
  predicate: (obj: unknown) => typeof obj === 'boolean',
});
// Failsafe + null + bool + decimal numbers: no timestamps (dates stay strings), no binary, no merge keys.
const schema = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, decimalInt, decimalFloat] });

const docStart = /^---(?:[ \t].*)?$/;
const docEnd = /^\.\.\.[ \t]*$/;

/**
 * Parses a (possibly multi-document) YAML text without throwing: each document separately, so one
 * broken document does not hide the others. Lines of keys are found from the text's indentation.
 */
export function parseYamlDocuments(text: string): YamlDocument[] {
  const lines = text.split(/\r?\n/);
  const chunks: { start: number; lines: string[] }[] = [];
  let cur: { start: number; lines: string[] } = { start: 0, lines: [] };
  lines.forEach((l, i) => {
    if (docStart.test(l) || docEnd.test(l)) {
      if (cur.lines.some((x) => x.trim() !== '' && !x.trimStart().startsWith('#'))) chunks.push(cur);
      cur = { start: i + 1, lines: [] };
      const rest = l.startsWith('---') ? l.slice(3).trim() : '';
      if (rest !== '' && !rest.startsWith('#')) cur = { start: i, lines: [rest] };
    } else cur.lines.push(l);
  });
  if (cur.lines.some((x) => x.trim() !== '' && !x.trimStart().startsWith('#'))) chunks.push(cur);
  return chunks.map((chunk, index) => {
    const errors: { message: string; line?: number }[] = [];
    let data: unknown;
    try {
      data = jsyaml.load(chunk.lines.join('\n'), { schema, json: false });
    } catch (e) {
      const err = e as { reason?: string; message: string; mark?: { line?: number } };
      const line = err.mark?.line;
      errors.push(
        line === undefined
          ? { message: err.reason ?? err.message }
          : { message: err.reason ?? err.message, line: chunk.start + line + 1 },
      );
    }
    return {
      index,
      line: chunk.start + 1,
      data,
      errors,
      lineOf: (path) => findLine(chunk.lines, path, chunk.start),
    };
  });
}

function keyOf(line: string): { indent: number; key: string } | undefined {
  const m = /^(\s*)(?:-\s+)?(?:'((?:[^']|'')*)'|"((?:[^"\\]|\\.)*)"|([^\s#'"][^:#]*?))\s*:(?:\s|$)/.exec(
    line,
  );
  if (!m) return undefined;
  const key = m[2] !== undefined ? m[2].replace(/''/g, "'") : (m[3] ?? m[4] ?? '');
  return { indent: (m[1] as string).length, key };
}

/** 1-based line of a key path (`['detection', 'selection']`), following indentation; list indexes end the walk. */
function findLine(
  lines: readonly string[],
  path: readonly (string | number)[],
  offset: number,
): number | undefined {
  let from = 0;
  let to = lines.length;
  let minIndent = -1;
  let found: number | undefined;
  for (const step of path) {
    if (typeof step === 'number') break;
    let hit = -1;
    let hitIndent = 0;
    for (let i = from; i < to; i++) {
      const k = keyOf(lines[i] as string);
      if (k && k.indent > minIndent && k.key === step) {
        hit = i;
        hitIndent = k.indent;
        break;
      }
    }
    if (hit < 0) break;
    found = hit;
    // The key's block runs until the next line indented at or below the key.
    let end = hit + 1;
    while (end < to) {
      const l = lines[end] as string;
      if (
        l.trim() !== '' &&
        !l.trimStart().startsWith('#') &&
        l.length - l.trimStart().length <= hitIndent &&
        !/^\s*-/.test(l.slice(hitIndent))
      )
        break;
      end++;
    }
    from = hit + 1;
    to = end;
    minIndent = hitIndent;
  }
  return found === undefined ? undefined : offset + found + 1;
}
