/** ECS classification of one Windows event id. */
export interface EventKind {
  category: string[];
  type: string[];
  action: string;
  outcome?: 'success' | 'failure';
}

const k = (category: string, type: string, action: string, outcome?: 'success' | 'failure'): EventKind =>
  outcome === undefined
    ? { category: category.split(','), type: type.split(','), action }
    : { category: category.split(','), type: type.split(','), action, outcome };

/** Sysmon event ids (Microsoft-Windows-Sysmon/Operational). */
export const sysmonKinds: Record<string, EventKind> = {
  '1': k('process', 'start', 'process-created'),
  '2': k('file', 'change', 'file-creation-time-changed'),
  '3': k('network', 'connection,start', 'network-connection-detected'),
  '4': k('process', 'change', 'sysmon-service-state-changed'),
  '5': k('process', 'end', 'process-terminated'),
  '6': k('driver', 'start', 'driver-loaded'),
  '7': k('process', 'change', 'image-loaded'),
  '8': k('process', 'change', 'create-remote-thread'),
  '9': k('file', 'access', 'raw-access-read'),
  '10': k('process', 'access', 'process-accessed'),
  '11': k('file', 'creation', 'file-created'),
  '12': k('registry', 'change', 'registry-key-created-or-deleted'),
  '13': k('registry', 'change', 'registry-value-set'),
  '14': k('registry', 'change', 'registry-key-renamed'),
  '15': k('file', 'creation', 'file-stream-created'),
  '16': k('configuration', 'change', 'sysmon-config-changed'),
  '17': k('file', 'creation', 'pipe-created'),
  '18': k('file', 'access', 'pipe-connected'),
  '19': k('configuration', 'creation', 'wmi-event-filter'),
  '20': k('configuration', 'creation', 'wmi-event-consumer'),
  '21': k('configuration', 'creation', 'wmi-consumer-bound'),
  '22': k('network', 'protocol,info', 'dns-query'),
  '23': k('file', 'deletion', 'file-deleted'),
  '24': k('process', 'info', 'clipboard-changed'),
  '25': k('process', 'change', 'process-tampering'),
  '26': k('file', 'deletion', 'file-delete-logged'),
  '27': k('file', 'denied', 'file-block-executable'),
  '28': k('file', 'denied', 'file-block-shredding'),
  '29': k('file', 'creation', 'file-executable-detected'),
};

/** Security channel event ids (Microsoft-Windows-Security-Auditing). */
export const securityKinds: Record<string, EventKind> = {
  '1102': k('iam', 'admin,change', 'audit-log-cleared'),
  '4608': k('host', 'start', 'windows-started'),
  '4616': k('host', 'change', 'system-time-changed'),
  '4624': k('authentication,session', 'start', 'logged-in', 'success'),
  '4625': k('authentication', 'start', 'logon-failed', 'failure'),
  '4627': k('iam', 'group,info', 'group-membership-enumerated'),
  '4634': k('authentication,session', 'end', 'logged-out', 'success'),
  '4647': k('authentication,session', 'end', 'logged-out', 'success'),
  '4648': k('authentication', 'start', 'logged-in-explicit'),
  '4656': k('file', 'access', 'object-handle-requested'),
  '4657': k('registry', 'change', 'registry-value-modified'),
  '4658': k('file', 'access', 'object-handle-closed'),
  '4660': k('file', 'deletion', 'object-deleted'),
  '4661': k('iam', 'access', 'object-handle-requested'),
  '4662': k('iam', 'access', 'directory-object-accessed'),
  '4663': k('file', 'access', 'object-accessed'),
  '4670': k('iam', 'change', 'permissions-changed'),
  '4672': k('iam', 'admin', 'logged-in-special', 'success'),
  '4673': k('iam', 'admin', 'privileged-service-called'),
  '4674': k('iam', 'admin', 'privileged-operation'),
  '4688': k('process', 'start', 'created-process'),
  '4689': k('process', 'end', 'exited-process'),
  '4690': k('iam', 'access', 'handle-duplicated'),
  '4697': k('configuration', 'creation', 'service-installed'),
  '4698': k('configuration', 'creation', 'scheduled-task-created'),
  '4699': k('configuration', 'deletion', 'scheduled-task-deleted'),
  '4700': k('configuration', 'change', 'scheduled-task-enabled'),
  '4701': k('configuration', 'change', 'scheduled-task-disabled'),
  '4702': k('configuration', 'change', 'scheduled-task-updated'),
  '4703': k('iam', 'change', 'token-right-adjusted'),
  '4719': k('iam', 'change', 'audit-policy-changed'),
  '4720': k('iam', 'user,creation', 'added-user-account'),
  '4722': k('iam', 'user,change', 'enabled-user-account'),
  '4723': k('iam', 'user,change', 'changed-password'),
  '4724': k('iam', 'user,change', 'reset-password'),
  '4725': k('iam', 'user,change', 'disabled-user-account'),
  '4726': k('iam', 'user,deletion', 'deleted-user-account'),
  '4727': k('iam', 'group,creation', 'added-group-account'),
  '4728': k('iam', 'group,change', 'added-member-to-group'),
  '4729': k('iam', 'group,change', 'removed-member-from-group'),
  '4731': k('iam', 'group,creation', 'added-group-account'),
  '4732': k('iam', 'group,change', 'added-member-to-group'),
  '4733': k('iam', 'group,change', 'removed-member-from-group'),
  '4738': k('iam', 'user,change', 'modified-user-account'),
  '4740': k('iam', 'user,change', 'locked-out-user-account'),
  '4754': k('iam', 'group,creation', 'added-group-account'),
  '4756': k('iam', 'group,change', 'added-member-to-group'),
  '4757': k('iam', 'group,change', 'removed-member-from-group'),
  '4767': k('iam', 'user,change', 'unlocked-user-account'),
  '4768': k('authentication', 'start', 'kerberos-authentication-ticket-requested'),
  '4769': k('authentication', 'start', 'kerberos-service-ticket-requested'),
  '4771': k('authentication', 'start', 'kerberos-preauth-failed', 'failure'),
  '4776': k('authentication', 'start', 'credential-validated'),
  '4798': k('iam', 'user,info', 'group-membership-enumerated'),
  '4799': k('iam', 'group,info', 'group-membership-enumerated'),
  '5140': k('network,file', 'access', 'network-share-object-accessed'),
  '5145': k('network,file', 'access', 'network-share-object-access-checked'),
  '5156': k('network', 'connection,allowed', 'wfp-connection-allowed'),
  '5157': k('network', 'connection,denied', 'wfp-connection-blocked'),
  '5158': k('network', 'start,allowed', 'wfp-bind-allowed'),
};

/** PowerShell channels (Microsoft-Windows-PowerShell/Operational and Windows PowerShell). */
export const powershellKinds: Record<string, EventKind> = {
  '400': k('process', 'start', 'engine-started'),
  '403': k('process', 'end', 'engine-stopped'),
  '600': k('process', 'info', 'provider-started'),
  '800': k('process', 'info', 'pipeline-executed'),
  '4103': k('process', 'info', 'pipeline-executed'),
  '4104': k('process', 'info', 'scriptblock-logged'),
  '4105': k('process', 'start', 'scriptblock-started'),
  '4106': k('process', 'end', 'scriptblock-stopped'),
};

/** System channel event ids. */
export const systemKinds: Record<string, EventKind> = {
  '104': k('iam', 'admin,change', 'audit-log-cleared'),
  '6005': k('host', 'start', 'event-log-started'),
  '6006': k('host', 'end', 'event-log-stopped'),
  '7034': k('process', 'end', 'service-crashed'),
  '7036': k('process', 'change', 'service-state-changed'),
  '7040': k('configuration', 'change', 'service-start-type-changed'),
  '7045': k('configuration', 'creation', 'service-installed'),
};
