import type { Provider } from '../provider.js';
import { AAD_STATUS_PROVIDER } from './aad-status.js';
import { CCM_LOG_PROVIDER } from './ccm-log.js';
import { cimProviders } from './cim-provider.js';
import { FILE_PROVIDER } from './file.js';
import { FILE_CONTENT_PROVIDER } from './file-content.js';
import { psProvider, type PsCollector } from './ps-collector.js';
import { REGISTRY, REGISTRY_KEY } from './registry.js';
import { ADMINISTRATORS, CONNECTION, DEVICE, IP_CONFIG, SMB_CONFIG, SOFTWARE_UPDATE, USER } from './system-collectors.js';
import { APP_CRASH, EVENT_LOG, WIN_EVENT } from './win-event.js';

/** Entities read by one PowerShell pipeline each (JSON typed by a column list). */
export const PS_COLLECTORS: readonly PsCollector[] = [
  ADMINISTRATORS, CONNECTION, DEVICE, IP_CONFIG, SMB_CONFIG, SOFTWARE_UPDATE, USER, REGISTRY, REGISTRY_KEY, WIN_EVENT, EVENT_LOG, APP_CRASH,
];

const OTHERS: readonly Provider[] = [FILE_PROVIDER, FILE_CONTENT_PROVIDER, CCM_LOG_PROVIDER, AAD_STATUS_PROVIDER];

const dedicated = new Set([...PS_COLLECTORS.map((c) => c.entity), ...OTHERS.map((p) => p.entity)]);

/** Every Windows provider, one per entity: the dedicated collectors, then the CIM table for the rest. */
export const WINDOWS_PROVIDERS: readonly Provider[] = [...PS_COLLECTORS.map(psProvider), ...OTHERS, ...cimProviders(dedicated)];
