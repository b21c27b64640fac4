import { defineEntity } from '../define-entity.js';

export const NetworkLoginProfile = defineEntity({
  name: 'NetworkLoginProfile',
  description: 'Network Login Profile: the WMI class Win32_NetworkLoginProfile in root\\cimv2.',
  platforms: ['windows'],
  permission: 'sensitive',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'FullName', type: 'string', doc: 'Full name (Win32_NetworkLoginProfile.FullName).' },
    { name: 'LastLogon', type: 'datetime', doc: 'Last logon (Win32_NetworkLoginProfile.LastLogon) (UTC).' },
    { name: 'LastLogoff', type: 'datetime', doc: 'Last logoff (Win32_NetworkLoginProfile.LastLogoff) (UTC).' },
    { name: 'NumberOfLogons', type: 'long', doc: 'Number of logons (Win32_NetworkLoginProfile.NumberOfLogons).' },
    { name: 'BadPasswordCount', type: 'long', doc: 'Bad password count (Win32_NetworkLoginProfile.BadPasswordCount).' },
    { name: 'Privileges', type: 'long', doc: 'Privileges (Win32_NetworkLoginProfile.Privileges).' },
    { name: 'UserType', type: 'string', doc: 'User type (Win32_NetworkLoginProfile.UserType).' },
    { name: 'HomeDirectory', type: 'string', doc: 'Home directory (Win32_NetworkLoginProfile.HomeDirectory).' },
    { name: 'LogonServer', type: 'string', doc: 'Logon server (Win32_NetworkLoginProfile.LogonServer).' },
    { name: 'AccountExpires', type: 'datetime', doc: 'Account expires (Win32_NetworkLoginProfile.AccountExpires) (UTC).' },
    { name: 'PasswordExpires', type: 'datetime', doc: 'Password expires (Win32_NetworkLoginProfile.PasswordExpires) (UTC).' },
    { name: 'PasswordAge', type: 'string', doc: 'Password age (Win32_NetworkLoginProfile.PasswordAge): interval.' },
  ],
  examples: [
    'NetworkLoginProfile | project Name, FullName, LastLogon, LastLogoff',
    'NetworkLoginProfile | summarize count() by FullName',
  ],
});
