import { defineEntity } from '../define-entity.js';

export const UninterruptiblePowerSupply = defineEntity({
  name: 'UninterruptiblePowerSupply',
  description: 'Uninterruptible Power Supply: the WMI class Win32_UninterruptiblePowerSupply in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'BatteryInstalled', type: 'bool', doc: 'Battery installed: true or false (Win32_UninterruptiblePowerSupply.BatteryInstalled).' },
    { name: 'EstimatedChargeRemaining', type: 'long', doc: 'Charge remaining, in percent.' },
    { name: 'EstimatedRunTime', type: 'long', doc: 'Estimated run time on battery, in minutes.' },
    { name: 'RemainingCapacityStatus', type: 'long', doc: 'Remaining capacity status (Win32_UninterruptiblePowerSupply.RemainingCapacityStatus).' },
    { name: 'UPSPort', type: 'string', doc: 'Ups port (Win32_UninterruptiblePowerSupply.UPSPort).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'UninterruptiblePowerSupply | project DeviceID, Name, BatteryInstalled, EstimatedChargeRemaining',
    'UninterruptiblePowerSupply | where BatteryInstalled == true | project Device, DeviceID, Name',
  ],
});
