// The run-wide secret scan of scripts/run-tests.ts: every secret value tests registered (through
// @vigil/testkit's registerTestSecret) must appear in neither the runner's output nor any log file
// spawned servers wrote into the registry directory.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RegisteredSecret {
  kind: string;
  value: string;
}

export interface ScannedText {
  /** Where the text came from: `test output` or a log file name. */
  source: string;
  text: string;
}

export interface SecretFinding {
  kind: string;
  source: string;
  /** 1-based line of the first occurrence. */
  line: number;
  /** How it appeared: as-is, URL-encoded or base64. */
  encoding: string;
}

/** Reads `secrets-*.jsonl` (deduplicated) and the `*.log` files of the registry directory. */
export function readSecretRegistry(dir: string): { secrets: RegisteredSecret[]; logs: ScannedText[] } {
  const seen = new Map<string, RegisteredSecret>();
  const logs: ScannedText[] = [];
  for (const name of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    if (name.endsWith('.log')) logs.push({ source: `log ${name}`, text });
    if (!name.startsWith('secrets-') || !name.endsWith('.jsonl')) continue;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const s = JSON.parse(line) as RegisteredSecret;
        if (typeof s.kind === 'string' && typeof s.value === 'string') seen.set(s.value, s);
      } catch {
        // A line cut by a crashed test process: nothing to scan for.
      }
    }
  }
  return { secrets: [...seen.values()], logs };
}

function variants(value: string): [string, string][] {
  const out: [string, string][] = [['as-is', value]];
  const url = encodeURIComponent(value);
  if (url !== value) out.push(['URL-encoded', url]);
  out.push(['base64', Buffer.from(value, 'utf8').toString('base64').replace(/=+$/, '')]);
  return out;
}

/** Every (secret, source) pair where the secret occurs; the value itself is never part of a finding. */
export function scanForSecrets(
  texts: readonly ScannedText[],
  secrets: readonly RegisteredSecret[],
): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const { source, text } of texts) {
    for (const secret of secrets) {
      for (const [encoding, needle] of variants(secret.value)) {
        const at = text.indexOf(needle);
        if (at < 0) continue;
        const line = text.slice(0, at).split('\n').length;
        findings.push({ kind: secret.kind, source, line, encoding });
        break;
      }
    }
  }
  return findings;
}

export function formatFindings(findings: readonly SecretFinding[]): string {
  return [
    `secret scan: ${findings.length} registered secret value(s) appeared in output or logs:`,
    ...findings.map((f) => `  - a ${f.kind} (${f.encoding}) in ${f.source}, line ${f.line}`),
    'Find what printed it (a log call, an error message, a debug dump) and redact it there.',
  ].join('\n');
}
