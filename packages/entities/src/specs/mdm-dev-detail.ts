import { defineEntity } from '../define-entity.js';

export const MDMDevDetail = defineEntity({
  name: 'MDMDevDetail',
  description: 'Device Information: the WMI class MDM_DevDetail_Ext01 in root\\cimv2\\mdm\\dmmap.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'InstanceID', type: 'string', doc: 'Instance ID (MDM_DevDetail_Ext01.InstanceID).' },
    { name: 'ParentID', type: 'string', doc: 'Parent ID (MDM_DevDetail_Ext01.ParentID).' },
    { name: 'DeviceHardwareData', type: 'string', doc: 'Device hardware data (MDM_DevDetail_Ext01.DeviceHardwareData).' },
    { name: 'WLANMACAddress', type: 'string', doc: 'Wlanmac address (MDM_DevDetail_Ext01.WLANMACAddress).' },
  ],
  examples: [
    'MDMDevDetail | project InstanceID, ParentID, DeviceHardwareData, WLANMACAddress',
    'MDMDevDetail | summarize count() by InstanceID',
  ],
});
