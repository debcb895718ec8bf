import { setField, type Doc } from '../ecs/set-field.ts';
import { baseName, isIp, str, toInt } from '../ecs/values.ts';

/** Sets `<prefix>.executable/name/pid/entity_id/command_line` from Windows field values. */
export function setProcess(
  doc: Doc,
  prefix: string,
  fields: { image?: unknown; pid?: unknown; guid?: unknown; commandLine?: unknown },
): void {
  const image = str(fields.image);
  setField(doc, `${prefix}.executable`, image);
  setField(doc, `${prefix}.name`, baseName(image));
  const pid = toInt(fields.pid);
  if (pid !== 0) setField(doc, `${prefix}.pid`, pid);
  setField(doc, `${prefix}.entity_id`, str(fields.guid));
  setField(doc, `${prefix}.command_line`, str(fields.commandLine));
}

/** Sets `<prefix>.name`/`.domain` from `DOMAIN\\name` (Sysmon `User`) or separate values. */
export function setUser(doc: Doc, prefix: string, name: unknown, domain?: unknown, id?: unknown): void {
  let n = str(name);
  let d = str(domain);
  if (n !== undefined && d === undefined && n.includes('\\')) {
    const i = n.indexOf('\\');
    d = n.slice(0, i);
    n = n.slice(i + 1);
  }
  setField(doc, `${prefix}.name`, n);
  setField(doc, `${prefix}.domain`, d);
  setField(doc, `${prefix}.id`, str(id));
}

/** Sets `<prefix>.ip` when the value is an address, and `<prefix>.port` when numeric and non-zero. */
export function setEndpoint(doc: Doc, prefix: string, ip: unknown, port: unknown, domain?: unknown): void {
  const addr = str(ip);
  if (addr !== undefined && isIp(addr)) setField(doc, `${prefix}.ip`, addr);
  const p = toInt(port);
  if (p !== undefined && p > 0) setField(doc, `${prefix}.port`, p);
  setField(doc, `${prefix}.domain`, str(domain));
}

/** `SHA1=…,MD5=…,SHA256=…,IMPHASH=…` → `<prefix>.hash.{sha1,md5,sha256}`, `pe.imphash`. */
export function setHashes(doc: Doc, prefix: string, hashes: unknown): void {
  const text = str(hashes);
  if (text === undefined) return;
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const algo = part.slice(0, eq).trim().toLowerCase();
    const value = part
      .slice(eq + 1)
      .trim()
      .toLowerCase();
    if (algo === 'imphash') setField(doc, `${prefix}.pe.imphash`, value);
    else if (['md5', 'sha1', 'sha256', 'sha512'].includes(algo))
      setField(doc, `${prefix}.hash.${algo}`, value);
  }
}

/** Logon types of 4624/4625 (ECS `winlog.logon.type`). */
const logonTypes: Record<string, string> = {
  '2': 'Interactive',
  '3': 'Network',
  '4': 'Batch',
  '5': 'Service',
  '7': 'Unlock',
  '8': 'NetworkCleartext',
  '9': 'NewCredentials',
  '10': 'RemoteInteractive',
  '11': 'CachedInteractive',
};

/** The logon type name for a numeric LogonType, or the value itself. */
export function logonTypeName(value: unknown): string | undefined {
  const s = str(value);
  return s === undefined ? undefined : (logonTypes[s] ?? s);
}
