import { defineEntity } from '../define-entity.js';

export const ConnectedDevice = defineEntity({
  name: 'ConnectedDevice',
  description: 'Connected Device: the WMI class SMS_ActiveSyncConnectedDevice in root\\SmsDm (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceType', type: 'string', doc: 'Device type (SMS_ActiveSyncConnectedDevice.DeviceType).' },
    { name: 'DeviceOEMInfo', type: 'string', doc: 'Device oem info (SMS_ActiveSyncConnectedDevice.DeviceOEMInfo).' },
    { name: 'OS_Platform', type: 'string', doc: 'Os platform (SMS_ActiveSyncConnectedDevice.OS_Platform).' },
    { name: 'OS_Major', type: 'string', doc: 'Os major (SMS_ActiveSyncConnectedDevice.OS_Major).' },
    { name: 'OS_Minor', type: 'string', doc: 'Os minor (SMS_ActiveSyncConnectedDevice.OS_Minor).' },
    { name: 'OS_Build', type: 'string', doc: 'Os build (SMS_ActiveSyncConnectedDevice.OS_Build).' },
    { name: 'InstalledClientVersion', type: 'string', doc: 'Installed client version (SMS_ActiveSyncConnectedDevice.InstalledClientVersion).' },
    { name: 'LastSyncTime', type: 'string', doc: 'When it last synchronised (UTC).' },
  ],
  examples: [
    'ConnectedDevice | project DeviceType, DeviceOEMInfo, OS_Platform, OS_Major',
    'ConnectedDevice | summarize count() by DeviceType',
  ],
});
