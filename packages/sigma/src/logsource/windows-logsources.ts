/** Sigma Windows taxonomy → event log channels and EventIDs (as pySigma's windows pipelines). */
import { INTEGRITY_LABEL_FIELD } from './integrity-level.ts';

export const sysmonChannel = 'microsoft-windows-sysmon/operational';
const psOperational = ['microsoft-windows-powershell/operational', 'powershellcore/operational'];
const psClassic = ['windows powershell'];

/** A place a Windows rule category applies to, with the field renames needed there. */
export interface WindowsTarget {
  channels: readonly string[];
  eventIds: readonly number[];
  fieldMap?: Readonly<Record<string, string>>;
}

/** Security 4688 names for the Sysmon process_creation fields Sigma rules use. */
const security4688Fields: Readonly<Record<string, string>> = {
  Image: 'NewProcessName',
  ParentImage: 'ParentProcessName',
  ProcessId: 'NewProcessId',
  ParentProcessId: 'ProcessId',
  LogonId: 'SubjectLogonId',
  User: 'SubjectUserName',
  // The SID as well as Sysmon's word for it (see integrityLabel).
  IntegrityLevel: INTEGRITY_LABEL_FIELD,
};

const sysmon = (...eventIds: number[]): WindowsTarget[] => [{ channels: [sysmonChannel], eventIds }];

export const windowsCategories: Readonly<Record<string, readonly WindowsTarget[]>> = {
  process_creation: [
    { channels: [sysmonChannel], eventIds: [1] },
    { channels: ['security'], eventIds: [4688], fieldMap: security4688Fields },
  ],
  process_termination: sysmon(5),
  network_connection: sysmon(3),
  file_change: sysmon(2),
  file_event: sysmon(11),
  file_delete: sysmon(23, 26),
  file_delete_detected: sysmon(26),
  file_executable_detected: sysmon(29),
  file_block_executable: sysmon(27),
  file_block_shredding: sysmon(28),
  create_stream_hash: sysmon(15),
  registry_add: sysmon(12),
  registry_delete: sysmon(12),
  registry_set: sysmon(13),
  registry_rename: sysmon(14),
  registry_event: sysmon(12, 13, 14),
  image_load: sysmon(7),
  driver_load: sysmon(6),
  dns_query: sysmon(22),
  pipe_created: sysmon(17, 18),
  process_access: sysmon(10),
  create_remote_thread: sysmon(8),
  raw_access_thread: sysmon(9),
  process_tampering: sysmon(25),
  wmi_event: sysmon(19, 20, 21),
  sysmon_status: sysmon(4, 16),
  sysmon_error: sysmon(255),
  clipboard_capture: sysmon(24),
  ps_module: [{ channels: psOperational, eventIds: [4103] }],
  ps_script: [{ channels: psOperational, eventIds: [4104] }],
  ps_classic_start: [{ channels: psClassic, eventIds: [400] }],
  ps_classic_provider_start: [{ channels: psClassic, eventIds: [600] }],
  ps_classic_script: [{ channels: psClassic, eventIds: [800] }],
};

/** Sigma Windows services → event log channel names (lower case). */
export const windowsServices: Readonly<Record<string, readonly string[]>> = {
  security: ['security'],
  system: ['system'],
  application: ['application'],
  sysmon: [sysmonChannel],
  powershell: psOperational,
  'powershell-classic': psClassic,
  taskscheduler: ['microsoft-windows-taskscheduler/operational'],
  wmi: ['microsoft-windows-wmi-activity/operational'],
  'dns-server': ['dns server'],
  'dns-server-audit': ['microsoft-windows-dns-server/audit'],
  'dns-server-analytic': ['microsoft-windows-dns-server/analytical'],
  'dns-client': ['microsoft-windows-dns client events/operational'],
  'driver-framework': ['microsoft-windows-driverframeworks-usermode/operational'],
  ntlm: ['microsoft-windows-ntlm/operational'],
  dhcp: ['microsoft-windows-dhcp-server/operational'],
  'msexchange-management': ['msexchange management'],
  applocker: [
    'microsoft-windows-applocker/exe and dll',
    'microsoft-windows-applocker/msi and script',
    'microsoft-windows-applocker/packaged app-deployment',
    'microsoft-windows-applocker/packaged app-execution',
  ],
  'printservice-admin': ['microsoft-windows-printservice/admin'],
  'printservice-operational': ['microsoft-windows-printservice/operational'],
  'codeintegrity-operational': ['microsoft-windows-codeintegrity/operational'],
  'smbclient-security': ['microsoft-windows-smbclient/security'],
  'smbclient-connectivity': ['microsoft-windows-smbclient/connectivity'],
  'smbserver-connectivity': ['microsoft-windows-smbserver/connectivity'],
  'firewall-as': ['microsoft-windows-windows firewall with advanced security/firewall'],
  'bits-client': ['microsoft-windows-bits-client/operational'],
  windefend: ['microsoft-windows-windows defender/operational'],
  'terminalservices-localsessionmanager': [
    'microsoft-windows-terminalservices-localsessionmanager/operational',
  ],
  'microsoft-servicebus-client': ['microsoft-servicebus-client'],
  'appxdeployment-server': ['microsoft-windows-appxdeploymentserver/operational'],
  'appxpackaging-om': ['microsoft-windows-appxpackagingom/microsoft-windows-appxpackaging/operational'],
  'appmodel-runtime': ['microsoft-windows-appmodel-runtime/admin'],
  'security-mitigations': [
    'microsoft-windows-security-mitigations/kernel mode',
    'microsoft-windows-security-mitigations/user mode',
  ],
  'certificateservicesclient-lifecycle-system': [
    'microsoft-windows-certificateservicesclient-lifecycle-system/operational',
  ],
  capi2: ['microsoft-windows-capi2/operational'],
  'diagnosis-scripted': ['microsoft-windows-diagnosis-scripted/operational'],
  'iis-configuration': ['microsoft-iis-configuration/operational'],
  ldap: ['microsoft-windows-ldap-client/debug'],
  ldap_debug: ['microsoft-windows-ldap-client/debug'],
  'lsa-server': ['microsoft-windows-lsa/operational'],
  openssh: ['openssh/operational'],
  'shell-core': ['microsoft-windows-shell-core/operational'],
  'bits-client-operational': ['microsoft-windows-bits-client/operational'],
  'kernel-shimengine': ['microsoft-windows-kernel-shimengine/operational'],
  'hyper-v-worker': ['microsoft-windows-hyper-v-worker-admin'],
};
