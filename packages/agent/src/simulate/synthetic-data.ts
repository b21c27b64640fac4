/**
 * The world simulated devices are drawn from: a fleet that looks like a mid-sized company's, mostly
 * Windows 10 and 11 desktops, some Windows servers, some Linux servers. Names, builds and versions are
 * the ones those systems really report, so queries written for real fleets give plausible answers.
 */
import type { Platform } from '@openpivot/entities';

export interface OsChoice {
  readonly weight: number;
  readonly platform: Platform;
  /** What the OS reports as its name (Win32_OperatingSystem.Caption, os-release PRETTY_NAME). */
  readonly caption: string;
  /** Windows: "10.0.22631"; Linux: VERSION_ID. */
  readonly version: string;
  /** Windows: the build number; Linux: the kernel release. */
  readonly build: string;
  readonly server: boolean;
  /** Windows: OperatingSystemSKU (4 Enterprise, 48 Pro, 7 Server Standard, 8 Server Datacenter). */
  readonly sku?: number;
  /** Linux: os-release ID, ID_LIKE, VERSION_CODENAME. */
  readonly distro?: { readonly id: string; readonly like: string; readonly codename: string };
}

const win = (weight: number, caption: string, build: string, sku: number, server = false): OsChoice =>
  ({ weight, platform: 'windows', caption, version: `10.0.${build}`, build, server, sku });
const linux = (weight: number, caption: string, version: string, kernel: string, id: string, codename: string): OsChoice =>
  ({ weight, platform: 'linux', caption, version, build: kernel, server: true, distro: { id, like: id === 'ubuntu' ? 'debian' : '', codename } });

export const OS_CHOICES: readonly OsChoice[] = [
  win(20, 'Microsoft Windows 11 Enterprise', '22631', 4),
  win(10, 'Microsoft Windows 11 Enterprise', '22621', 4),
  win(8, 'Microsoft Windows 11 Enterprise', '26100', 4),
  win(4, 'Microsoft Windows 11 Pro', '22631', 48),
  win(16, 'Microsoft Windows 10 Enterprise', '19045', 4),
  win(6, 'Microsoft Windows 10 Enterprise', '19044', 4),
  win(3, 'Microsoft Windows 10 Pro', '19045', 48),
  win(6, 'Microsoft Windows Server 2019 Standard', '17763', 7, true),
  win(5, 'Microsoft Windows Server 2022 Datacenter', '20348', 8, true),
  win(3, 'Microsoft Windows Server 2022 Standard', '20348', 7, true),
  linux(2, 'Ubuntu 20.04.6 LTS', '20.04', '5.4.0-182-generic', 'ubuntu', 'focal'),
  linux(4, 'Ubuntu 22.04.4 LTS', '22.04', '5.15.0-107-generic', 'ubuntu', 'jammy'),
  linux(4, 'Ubuntu 24.04.1 LTS', '24.04', '6.8.0-45-generic', 'ubuntu', 'noble'),
  linux(2, 'Debian GNU/Linux 11 (bullseye)', '11', '5.10.0-30-amd64', 'debian', 'bullseye'),
  linux(4, 'Debian GNU/Linux 12 (bookworm)', '12', '6.1.0-25-amd64', 'debian', 'bookworm'),
];

export const HARDWARE: { readonly desktop: readonly (readonly [string, string])[]; readonly server: readonly (readonly [string, string])[] } = {
  desktop: [
    ['Dell Inc.', 'Latitude 7440'], ['Dell Inc.', 'OptiPlex 7010'], ['Dell Inc.', 'Precision 3680'],
    ['HP', 'HP EliteBook 840 G10'], ['HP', 'HP ProDesk 400 G9'], ['LENOVO', '21HD003LUS'], ['LENOVO', '20XW0026US'],
    ['Microsoft Corporation', 'Surface Laptop 5'],
  ],
  server: [
    ['VMware, Inc.', 'VMware7,1'], ['Microsoft Corporation', 'Virtual Machine'], ['Dell Inc.', 'PowerEdge R650'],
    ['HPE', 'ProLiant DL380 Gen10'], ['QEMU', 'Standard PC (Q35 + ICH9, 2009)'],
  ],
};

export const FIRST_NAMES = ['anna', 'ben', 'carla', 'david', 'emma', 'felix', 'grace', 'hugo', 'iris', 'jonas', 'kim', 'liam', 'maria', 'noah', 'olga', 'paul', 'quinn', 'rosa', 'sam', 'tara'];

/** [name, publisher, versions…]: each device has one of the versions (older ones on fewer devices). */
export const WINDOWS_SOFTWARE: readonly (readonly [string, string, ...string[]])[] = [
  ['Microsoft Edge', 'Microsoft Corporation', '130.0.2849.56', '129.0.2792.89', '128.0.2739.79'],
  ['Microsoft 365 Apps for enterprise - en-us', 'Microsoft Corporation', '16.0.17928.20156', '16.0.17726.20160', '16.0.17531.20190'],
  ['Microsoft Teams', 'Microsoft Corporation', '24243.1309.3132.617', '24215.1007.3082.1590'],
  ['Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.40.33810', 'Microsoft Corporation', '14.40.33810.0'],
  ['Configuration Manager Client', 'Microsoft Corporation', '5.00.9128.1007', '5.00.9122.1000'],
  ['Google Chrome', 'Google LLC', '130.0.6723.70', '129.0.6668.101', '127.0.6533.120'],
  ['Mozilla Firefox (x64 en-US)', 'Mozilla', '131.0.3', '128.3.1'],
  ['7-Zip 23.01 (x64)', 'Igor Pavlov', '23.01'],
  ['Adobe Acrobat (64-bit)', 'Adobe', '24.003.20180', '24.002.21005', '23.008.20470'],
  ['Notepad++ (64-bit x64)', 'Notepad++ Team', '8.7', '8.6.9', '8.5.8'],
  ['Zoom Workplace (64-bit)', 'Zoom Video Communications, Inc.', '6.2.5', '6.1.11'],
  ['VLC media player', 'VideoLAN', '3.0.21', '3.0.20'],
  ['Git', 'The Git Development Community', '2.47.0', '2.45.2'],
  ['Python 3.12.4 (64-bit)', 'Python Software Foundation', '3.12.4150.0'],
  ['Java 8 Update 421 (64-bit)', 'Oracle Corporation', '8.0.4210.9', '8.0.4110.9'],
];

export const WINDOWS_SERVER_SOFTWARE: readonly (readonly [string, string, ...string[]])[] = [
  ['Microsoft SQL Server 2019 (64-bit)', 'Microsoft Corporation', '15.0.2000.5'],
  ['Microsoft SQL Server 2022 (64-bit)', 'Microsoft Corporation', '16.0.1000.6'],
  ['Microsoft Monitoring Agent', 'Microsoft Corporation', '10.20.18069.0'],
  ['VMware Tools', 'VMware, Inc.', '12.4.0.23259341', '12.3.5.22544099'],
];

/** [package, section, summary, version per codename]. */
export const LINUX_PACKAGES: readonly (readonly [string, string, string, Readonly<Record<string, string>>])[] = [
  ['openssl', 'utils', 'Secure Sockets Layer toolkit - cryptographic utility', { focal: '1.1.1f-1ubuntu2.23', jammy: '3.0.2-0ubuntu1.18', noble: '3.0.13-0ubuntu3.4', bullseye: '1.1.1w-0+deb11u1', bookworm: '3.0.14-1~deb12u2' }],
  ['openssh-server', 'net', 'secure shell (SSH) server, for secure access from remote machines', { focal: '1:8.2p1-4ubuntu0.11', jammy: '1:8.9p1-3ubuntu0.10', noble: '1:9.6p1-3ubuntu13.5', bullseye: '1:8.4p1-5+deb11u3', bookworm: '1:9.2p1-2+deb12u3' }],
  ['bash', 'shells', 'GNU Bourne Again SHell', { focal: '5.0-6ubuntu1.2', jammy: '5.1-6ubuntu1.1', noble: '5.2.21-2ubuntu4', bullseye: '5.1-2+deb11u1', bookworm: '5.2.15-2+b7' }],
  ['curl', 'web', 'command line tool for transferring data with URL syntax', { focal: '7.68.0-1ubuntu2.24', jammy: '7.81.0-1ubuntu1.18', noble: '8.5.0-2ubuntu10.4', bullseye: '7.74.0-1.3+deb11u13', bookworm: '7.88.1-10+deb12u7' }],
  ['systemd', 'admin', 'system and service manager', { focal: '245.4-4ubuntu3.24', jammy: '249.11-0ubuntu3.12', noble: '255.4-1ubuntu8.4', bullseye: '247.3-7+deb11u6', bookworm: '252.30-1~deb12u2' }],
  ['sudo', 'admin', 'Provide limited super user privileges to specific users', { focal: '1.8.31-1ubuntu1.5', jammy: '1.9.9-1ubuntu2.4', noble: '1.9.15p5-3ubuntu5', bullseye: '1.9.5p2-3+deb11u1', bookworm: '1.9.13p3-1+deb12u1' }],
  ['nginx', 'httpd', 'small, powerful, scalable web/proxy server', { focal: '1.18.0-0ubuntu1.4', jammy: '1.18.0-6ubuntu14.4', noble: '1.24.0-2ubuntu7.1', bullseye: '1.18.0-6.1+deb11u3', bookworm: '1.22.1-9' }],
  ['python3', 'python', 'interactive high-level object-oriented language (default python3 version)', { focal: '3.8.2-0ubuntu2', jammy: '3.10.6-1~22.04.1', noble: '3.12.3-0ubuntu2', bullseye: '3.9.2-3', bookworm: '3.11.2-1+b1' }],
  ['ca-certificates', 'misc', 'Common CA certificates', { focal: '20240203~20.04.1', jammy: '20240203~22.04.1', noble: '20240203', bullseye: '20210119', bookworm: '20230311' }],
  ['tzdata', 'localization', 'time zone and daylight-saving time data', { focal: '2024a-0ubuntu0.20.04.1', jammy: '2024a-0ubuntu0.22.04.1', noble: '2024a-3ubuntu1.1', bullseye: '2024a-0+deb11u1', bookworm: '2024a-0+deb12u1' }],
  ['vim', 'editors', 'Vi IMproved - enhanced vi editor', { focal: '2:8.1.2269-1ubuntu5.23', jammy: '2:8.2.3995-1ubuntu2.19', noble: '2:9.1.0016-1ubuntu7.3', bullseye: '2:8.2.2434-3+deb11u1', bookworm: '2:9.0.1378-2' }],
  ['git', 'vcs', 'fast, scalable, distributed revision control system', { focal: '1:2.25.1-1ubuntu3.13', jammy: '1:2.34.1-1ubuntu1.11', noble: '1:2.43.0-1ubuntu7.1', bullseye: '1:2.30.2-1+deb11u3', bookworm: '1:2.39.5-0+deb12u1' }],
];

/** [name, display name, start mode, path]; Auto services run unless the device has a problem. */
export const WINDOWS_SERVICES: readonly (readonly [string, string, 'Auto' | 'Manual' | 'Disabled', string])[] = [
  ['wuauserv', 'Windows Update', 'Manual', 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p'],
  ['BITS', 'Background Intelligent Transfer Service', 'Manual', 'C:\\Windows\\System32\\svchost.exe -k netsvcs -p'],
  ['CcmExec', 'SMS Agent Host', 'Auto', 'C:\\Windows\\CCM\\CcmExec.exe'],
  ['WinDefend', 'Microsoft Defender Antivirus Service', 'Auto', '"C:\\ProgramData\\Microsoft\\Windows Defender\\platform\\4.18.24090.11-0\\MsMpEng.exe"'],
  ['Dnscache', 'DNS Client', 'Auto', 'C:\\Windows\\system32\\svchost.exe -k NetworkService -p'],
  ['EventLog', 'Windows Event Log', 'Auto', 'C:\\Windows\\System32\\svchost.exe -k LocalServiceNetworkRestricted -p'],
  ['LanmanServer', 'Server', 'Auto', 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p'],
  ['LanmanWorkstation', 'Workstation', 'Auto', 'C:\\Windows\\System32\\svchost.exe -k NetworkService -p'],
  ['Spooler', 'Print Spooler', 'Auto', 'C:\\Windows\\System32\\spoolsv.exe'],
  ['W32Time', 'Windows Time', 'Manual', 'C:\\Windows\\system32\\svchost.exe -k LocalService'],
  ['WinRM', 'Windows Remote Management (WS-Management)', 'Auto', 'C:\\Windows\\System32\\svchost.exe -k NetworkService -p'],
  ['Schedule', 'Task Scheduler', 'Auto', 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p'],
  ['RemoteRegistry', 'Remote Registry', 'Disabled', 'C:\\Windows\\system32\\svchost.exe -k localService -p'],
  ['TermService', 'Remote Desktop Services', 'Manual', 'C:\\Windows\\System32\\svchost.exe -k NetworkService'],
];

/** [unit, description, enabled at boot]. */
export const LINUX_SERVICES: readonly (readonly [string, string, boolean])[] = [
  ['ssh', 'OpenBSD Secure Shell server', true], ['cron', 'Regular background program processing daemon', true],
  ['rsyslog', 'System Logging Service', true], ['systemd-journald', 'Journal Service', true],
  ['systemd-logind', 'User Login Management', true], ['dbus', 'D-Bus System Message Bus', true],
  ['nginx', 'A high performance web server and a reverse proxy server', true],
  ['unattended-upgrades', 'Unattended Upgrades Shutdown', true], ['apt-daily', 'Daily apt download activities', false],
];
