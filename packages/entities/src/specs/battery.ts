import { defineEntity } from '../define-entity.js';

export const Battery = defineEntity({
  name: 'Battery',
  description: 'Battery: the WMI class Win32_Battery in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
    { name: 'BatteryStatus', type: 'long', doc: 'WMI battery status code: 1 discharging, 2 on AC, 3 fully charged, 4 low, 5 critical…' },
    { name: 'EstimatedChargeRemaining', type: 'long', doc: 'Estimated charge remaining (Win32_Battery.EstimatedChargeRemaining), in percent.' },
    { name: 'EstimatedRunTime', type: 'long', doc: 'Estimated run time (Win32_Battery.EstimatedRunTime), in minutes.' },
    { name: 'DesignCapacity', type: 'long', doc: 'Design capacity (Win32_Battery.DesignCapacity), in mWh.' },
    { name: 'FullChargeCapacity', type: 'long', doc: 'Full charge capacity (Win32_Battery.FullChargeCapacity), in mWh.' },
    { name: 'DesignVoltage', type: 'long', doc: 'Design voltage (Win32_Battery.DesignVoltage), in mV.' },
    { name: 'Chemistry', type: 'long', doc: 'WMI battery chemistry code: 2 unknown, 3 lead acid, 6 lithium-ion, 8 lithium-polymer…' },
    { name: 'TimeToFullCharge', type: 'long', doc: 'Time to full charge (Win32_Battery.TimeToFullCharge), in minutes.' },
  ],
  examples: [
    'Battery | where EstimatedChargeRemaining < 20 | project Name, EstimatedChargeRemaining, BatteryStatus',
  ],
});
