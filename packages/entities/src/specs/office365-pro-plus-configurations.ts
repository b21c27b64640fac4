import { defineEntity } from '../define-entity.js';

export const Office365ProPlusConfigurations = defineEntity({
  name: 'Office365ProPlusConfigurations',
  description: 'Office 365 Apps Configurations: the WMI class Office365ProPlusConfigurations in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'VersionToReport', type: 'string', doc: 'Version to report (Office365ProPlusConfigurations.VersionToReport).' },
    { name: 'cfgUpdateChannel', type: 'string', doc: 'Cfg update channel (Office365ProPlusConfigurations.cfgUpdateChannel).' },
    { name: 'UpdateChannel', type: 'string', doc: 'Update channel (Office365ProPlusConfigurations.UpdateChannel).' },
    { name: 'CDNBaseUrl', type: 'string', doc: 'Cdn base URL (Office365ProPlusConfigurations.CDNBaseUrl).' },
    { name: 'GPOChannel', type: 'string', doc: 'Gpo channel (Office365ProPlusConfigurations.GPOChannel).' },
    { name: 'Platform', type: 'string', doc: 'Platform (Office365ProPlusConfigurations.Platform).' },
    { name: 'ClientCulture', type: 'string', doc: 'Client culture (Office365ProPlusConfigurations.ClientCulture).' },
    { name: 'UpdatesEnabled', type: 'string', doc: 'Updates enabled (Office365ProPlusConfigurations.UpdatesEnabled).' },
    { name: 'AutoUpgrade', type: 'string', doc: 'Auto upgrade (Office365ProPlusConfigurations.AutoUpgrade).' },
    { name: 'CCMManaged', type: 'string', doc: 'Ccm managed (Office365ProPlusConfigurations.CCMManaged).' },
    { name: 'SharedComputerLicensing', type: 'string', doc: 'Shared computer licensing (Office365ProPlusConfigurations.SharedComputerLicensing).' },
    { name: 'LastScenario', type: 'string', doc: 'Last scenario (Office365ProPlusConfigurations.LastScenario).' },
    { name: 'LastScenarioResult', type: 'string', doc: 'Last scenario result (Office365ProPlusConfigurations.LastScenarioResult).' },
    { name: 'InstallationPath', type: 'string', doc: 'Installation path (Office365ProPlusConfigurations.InstallationPath).' },
  ],
  examples: [
    'Office365ProPlusConfigurations | summarize count() by VersionToReport, cfgUpdateChannel',
  ],
});
