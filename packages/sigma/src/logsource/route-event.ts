import { getField } from '@vigil/core';
import type { EventView } from './event-view.ts';
import { logsourceKey } from './route-rule.ts';
import { sysmonChannel } from './windows-logsources.ts';

const linuxSysmonCategories: Readonly<Record<string, string>> = {
  '1': 'process_creation',
  '3': 'network_connection',
  '5': 'process_termination',
  '11': 'file_event',
  '23': 'file_delete',
};

/** event.dataset → logsource keys of Vigil's parsers and common shippers. */
const datasetKeys: Readonly<Record<string, readonly string[]>> = {
  'aws.cloudtrail': [logsourceKey('aws', '', 'cloudtrail')],
  'azure.signinlogs': [logsourceKey('azure', '', 'signinlogs')],
  'azure.auditlogs': [logsourceKey('azure', '', 'auditlogs')],
  'azure.activitylogs': [logsourceKey('azure', '', 'activitylogs')],
  'azure.riskdetection': [logsourceKey('azure', '', 'riskdetection')],
  'azure.pim': [logsourceKey('azure', '', 'pim')],
  'gcp.audit': [logsourceKey('gcp', '', 'gcp.audit')],
  'okta.system': [logsourceKey('okta', '', 'okta')],
  'o365.audit': [logsourceKey('m365', '', 'audit'), logsourceKey('m365', '', 'threat_management')],
  'm365.audit': [logsourceKey('m365', '', 'audit'), logsourceKey('m365', '', 'threat_management')],
  'auditd.log': [logsourceKey('linux', '', 'auditd'), logsourceKey('linux')],
  auditd: [logsourceKey('linux', '', 'auditd'), logsourceKey('linux')],
  'apache.access': [logsourceKey('', 'webserver'), logsourceKey('', '', 'apache')],
  'nginx.access': [logsourceKey('', 'webserver'), logsourceKey('', '', 'nginx')],
  'iis.access': [logsourceKey('', 'webserver')],
  'web.access': [logsourceKey('', 'webserver')],
  proxy: [logsourceKey('', 'proxy')],
  'squid.access': [logsourceKey('', 'proxy')],
  'system.auth': [
    logsourceKey('linux', '', 'auth'),
    logsourceKey('linux', '', 'sshd'),
    logsourceKey('linux', '', 'sudo'),
    logsourceKey('linux'),
  ],
  'system.syslog': [logsourceKey('linux', '', 'syslog'), logsourceKey('linux')],
};

const auditdTypes = new Set([
  'SYSCALL',
  'EXECVE',
  'PATH',
  'CWD',
  'PROCTITLE',
  'USER_CMD',
  'USER_LOGIN',
  'USER_AUTH',
  'CONFIG_CHANGE',
  'SERVICE_START',
  'ADD_USER',
  'USER_ACCT',
  'CRED_ACQ',
  'SOCKADDR',
  'LOGIN',
  'USER_START',
  'USER_END',
  'ANOM_ABEND',
  'AVC',
  'TTY',
]);
const m365Services = ['audit', 'threat_management', 'threat_detection', 'exchange'].map((s) =>
  logsourceKey('m365', '', s),
);
const azureCategories: Readonly<Record<string, string>> = {
  signinlogs: 'signinlogs',
  noninteractiveusersigninlogs: 'signinlogs',
  auditlogs: 'auditlogs',
  administrative: 'activitylogs',
  policy: 'activitylogs',
  security: 'activitylogs',
  riskdetection: 'riskdetection',
  userriskevents: 'riskdetection',
};

/** Channel of a Windows event, lower case (falling back on the provider for Sysmon without a channel). */
function windowsChannel(f: Record<string, unknown>): string | undefined {
  const ch = f['Channel'];
  if (typeof ch === 'string') return ch.toLowerCase();
  const provider = f['Provider_Name'] ?? f['SourceName'];
  if (typeof provider === 'string' && f['EventID'] !== undefined && provider.toLowerCase().includes('sysmon'))
    return sysmonChannel;
  return undefined;
}

/** EventID as a decimal string, whether it arrived as integer, string or `{#text: …}`. */
export function eventIdOf(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.trim();
  if (v !== null && typeof v === 'object' && '#text' in v)
    return eventIdOf((v as Record<string, unknown>)['#text']);
  return undefined;
}

/**
 * Route keys of an event (the same key space as routeRule): Windows by channel and EventID; others by
 * `event.dataset` or by recognising the record's own fields (CloudTrail, Okta, GCP, Azure, M365, auditd, web).
 */
export function routeKeys(view: EventView): string[] {
  const f = view.fields;
  const channel = windowsChannel(f);
  if (channel !== undefined) {
    const id = eventIdOf(f['EventID']) ?? '';
    if (channel === 'linux-sysmon/operational') {
      const cat = linuxSysmonCategories[id];
      return cat === undefined
        ? [logsourceKey('linux')]
        : [logsourceKey('linux', cat), logsourceKey('linux')];
    }
    return [`w:${channel}:${id}`, `w:${channel}`, 'w:*'];
  }
  const keys: string[] = [];
  const dataset = getField(view.doc, 'event.dataset');
  if (typeof dataset === 'string') {
    const known = datasetKeys[dataset];
    if (known) keys.push(...known);
    else {
      const dot = dataset.indexOf('.');
      if (dot > 0)
        keys.push(
          logsourceKey(dataset.slice(0, dot), '', dataset.slice(dot + 1)),
          logsourceKey(dataset.slice(0, dot)),
        );
      else keys.push(logsourceKey('', '', dataset), logsourceKey(dataset));
    }
  }
  if (keys.length > 0) return keys;
  if (typeof f['eventSource'] === 'string' && typeof f['eventName'] === 'string')
    return [logsourceKey('aws', '', 'cloudtrail')];
  if (
    f['protoPayload'] !== undefined ||
    (typeof f['logName'] === 'string' && f['logName'].includes('cloudaudit'))
  ) {
    return [logsourceKey('gcp', '', 'gcp.audit')];
  }
  if (typeof f['eventType'] === 'string' && f['actor'] !== undefined)
    return [logsourceKey('okta', '', 'okta')];
  if (typeof f['Workload'] === 'string' && typeof f['Operation'] === 'string') return m365Services;
  if (typeof f['operationName'] === 'string' || typeof f['OperationName'] === 'string') {
    const cat = f['category'] ?? f['Category'];
    const svc = typeof cat === 'string' ? azureCategories[cat.toLowerCase()] : undefined;
    return [logsourceKey('azure', '', svc ?? 'activitylogs')];
  }
  if (typeof f['type'] === 'string' && auditdTypes.has(f['type']))
    return [logsourceKey('linux', '', 'auditd'), logsourceKey('linux')];
  if ('cs-method' in f || 'c-uri' in f || 'sc-status' in f) {
    return 'cs-host' in f || 'r-dns' in f
      ? [logsourceKey('', 'proxy'), logsourceKey('', 'webserver')]
      : [logsourceKey('', 'webserver')];
  }
  return keys;
}
