const facilities = [
  'kern',
  'user',
  'mail',
  'daemon',
  'auth',
  'syslog',
  'lpr',
  'news',
  'uucp',
  'cron',
  'authpriv',
  'ftp',
  'ntp',
  'security',
  'console',
  'solaris-cron',
  'local0',
  'local1',
  'local2',
  'local3',
  'local4',
  'local5',
  'local6',
  'local7',
];
const severities = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'informational', 'debug'];

/** Splits a syslog PRI (0-191) into ECS `log.syslog.{facility,severity}` code and name. */
export function decodePriority(pri: number): {
  facility: { code: number; name: string };
  severity: { code: number; name: string };
} {
  const facility = Math.floor(pri / 8);
  const severity = pri % 8;
  return {
    facility: { code: facility, name: facilities[facility] ?? `facility${facility}` },
    severity: { code: severity, name: severities[severity] ?? `severity${severity}` },
  };
}
