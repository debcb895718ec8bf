import { appendField, readField, type Doc } from './set-field.ts';
import { isIp } from './values.ts';

/** Fills `related.ip`, `related.user`, `related.hosts` from the ECS fields already set (pivoting). */
export function addRelated(doc: Doc): void {
  for (const path of ['source.ip', 'destination.ip', 'client.ip', 'server.ip', 'host.ip']) {
    const v = readField(doc, path);
    for (const ip of Array.isArray(v) ? v : [v])
      if (typeof ip === 'string' && isIp(ip)) appendField(doc, 'related.ip', ip);
  }
  for (const path of [
    'user.name',
    'user.target.name',
    'user.effective.name',
    'source.user.name',
    'destination.user.name',
  ]) {
    const v = readField(doc, path);
    if (typeof v === 'string') appendField(doc, 'related.user', v);
  }
  for (const path of ['host.name', 'source.domain', 'destination.domain', 'log.syslog.hostname']) {
    const v = readField(doc, path);
    if (typeof v === 'string') appendField(doc, 'related.hosts', v);
  }
}
