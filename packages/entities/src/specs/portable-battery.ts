import { defineEntity } from '../define-entity.js';

export const PortableBattery = defineEntity({
  name: 'PortableBattery',
  description: 'Portable Battery: the WMI class Win32_PortableBattery in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Manufacturer', type: 'string', doc: 'The manufacturer.' },
    { name: 'Location', type: 'string', doc: 'Location (Win32_PortableBattery.Location).' },
    { name: 'ManufactureDate', type: 'string', doc: 'Manufacture date (Win32_PortableBattery.ManufactureDate).' },
    { name: 'Chemistry', type: 'long', doc: 'WMI battery chemistry code: 2 unknown, 3 lead acid, 6 lithium-ion, 8 lithium-polymer…' },
    { name: 'DesignCapacity', type: 'long', doc: 'Design capacity (Win32_PortableBattery.DesignCapacity), in mWh.' },
    { name: 'FullChargeCapacity', type: 'long', doc: 'Full charge capacity (Win32_PortableBattery.FullChargeCapacity), in mWh.' },
    { name: 'DesignVoltage', type: 'long', doc: 'Design voltage (Win32_PortableBattery.DesignVoltage), in mV.' },
    { name: 'EstimatedChargeRemaining', type: 'long', doc: 'Estimated charge remaining (Win32_PortableBattery.EstimatedChargeRemaining), in percent.' },
    { name: 'EstimatedRunTime', type: 'long', doc: 'Estimated run time (Win32_PortableBattery.EstimatedRunTime), in minutes.' },
    { name: 'BatteryStatus', type: 'long', doc: 'WMI battery status code: 1 discharging, 2 on AC, 3 fully charged, 4 low, 5 critical…' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'PortableBattery | project DeviceID, Name, Manufacturer, Location',
    'PortableBattery | summarize count() by DeviceID',
  ],
});
