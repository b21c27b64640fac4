import { defineEntity } from '../define-entity.js';

export const SMSAdvancedClientSSLConfigurations = defineEntity({
  name: 'SMSAdvancedClientSSLConfigurations',
  description: 'Configuration Manager Client SSL Configurations: the WMI class Win32Reg_SMSAdvancedClientSSLConfiguration in root\\cimv2 (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'InstanceKey', type: 'string', doc: 'The key of the registry-backed WMI instance.' },
    { name: 'CertificateSelectionCriteria', type: 'string', doc: 'Certificate selection criteria (Win32Reg_SMSAdvancedClientSSLConfiguration.CertificateSelectionCriteria).' },
    { name: 'CertificateStore', type: 'string', doc: 'Certificate store (Win32Reg_SMSAdvancedClientSSLConfiguration.CertificateStore).' },
    { name: 'ClientAlwaysOnInternet', type: 'long', doc: 'Client always on internet (Win32Reg_SMSAdvancedClientSSLConfiguration.ClientAlwaysOnInternet).' },
    { name: 'HttpsStateFlags', type: 'long', doc: 'Https state flags (Win32Reg_SMSAdvancedClientSSLConfiguration.HttpsStateFlags).' },
    { name: 'InternetMPHostName', type: 'string', doc: 'Internet mp host name (Win32Reg_SMSAdvancedClientSSLConfiguration.InternetMPHostName).' },
    { name: 'SelectFirstCertificate', type: 'long', doc: 'Select first certificate (Win32Reg_SMSAdvancedClientSSLConfiguration.SelectFirstCertificate).' },
  ],
  examples: [
    'SMSAdvancedClientSSLConfigurations | project InstanceKey, CertificateSelectionCriteria, CertificateStore, ClientAlwaysOnInternet',
    'SMSAdvancedClientSSLConfigurations | summarize count() by InstanceKey',
  ],
});
