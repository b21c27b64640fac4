import type { Provider } from '../provider.js';
import { administratorsProvider } from './administrators.js';
import { agentLogProvider } from './agent-log.js';
import { autoStartSoftwareProvider } from './auto-start-software.js';
import { biosProvider } from './bios.js';
import { certificateProvider } from './certificate.js';
import { computerSystemProvider } from './computer-system.js';
import { connectionProvider } from './connection.js';
import { deviceProvider } from './device.js';
import { diskProvider } from './disk.js';
import { environmentProvider } from './environment.js';
import { eventLogProvider } from './event-log.js';
import { fileContentProvider } from './file-content.js';
import { fileProvider } from './file.js';
import { firewallProvider } from './firewall.js';
import { installedSoftwareProvider } from './installed-software.js';
import { ipConfigProvider } from './ip-config.js';
import { logicalDiskProvider } from './logical-disk.js';
import { memoryProvider } from './memory.js';
import { networkAdapterProvider } from './network-adapter.js';
import { operatingSystemProvider } from './operating-system.js';
import { osProvider } from './os.js';
import { partitionProvider } from './partition.js';
import { physicalMemoryProvider } from './physical-memory.js';
import { processModuleProvider } from './process-module.js';
import { processProvider } from './process.js';
import { processorProvider } from './processor.js';
import { serviceProvider } from './service.js';
import { smbConfigProvider } from './smb-config.js';
import { systemBootDataProvider } from './system-boot-data.js';
import { timeZoneProvider } from './time-zone.js';
import { userProvider } from './user.js';

/** Every Linux provider, one per entity. */
export const LINUX_PROVIDERS: readonly Provider[] = [
  administratorsProvider,
  agentLogProvider,
  autoStartSoftwareProvider,
  biosProvider,
  certificateProvider,
  computerSystemProvider,
  connectionProvider,
  deviceProvider,
  diskProvider,
  environmentProvider,
  eventLogProvider,
  fileContentProvider,
  fileProvider,
  firewallProvider,
  installedSoftwareProvider,
  ipConfigProvider,
  logicalDiskProvider,
  memoryProvider,
  networkAdapterProvider,
  operatingSystemProvider,
  osProvider,
  partitionProvider,
  physicalMemoryProvider,
  processModuleProvider,
  processProvider,
  processorProvider,
  serviceProvider,
  smbConfigProvider,
  systemBootDataProvider,
  timeZoneProvider,
  userProvider,
];
