import { defineEntity } from '../define-entity.js';

export const SMBConfig = defineEntity({
  name: 'SMBConfig',
  description: "The SMB server configuration: Samba's [global] settings from smb.conf. No row when Samba is not installed.",
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'EnableSMB1Protocol', type: 'bool', doc: "True when 'server min protocol' allows SMB1 (NT1 or older)." },
    { name: 'EnableSMB2Protocol', type: 'bool', doc: "True when 'server max protocol' allows SMB2 or later." },
    { name: 'RequireSecuritySignature', type: 'bool', doc: "True when 'server signing' is mandatory (or required)." },
    { name: 'EnableSecuritySignature', type: 'bool', doc: "True unless 'server signing' is disabled." },
    { name: 'EncryptData', type: 'bool', doc: "True when 'server smb encrypt' (or 'smb encrypt') is required." },
    { name: 'RejectUnencryptedAccess', type: 'bool', doc: "True when encryption is required, so clients without it are refused." },
    { name: 'Workgroup', type: 'string', doc: "The 'workgroup' setting (WORKGROUP by default)." },
    { name: 'ServerString', type: 'string', doc: "The 'server string' setting." },
    { name: 'Security', type: 'string', doc: "The 'security' setting (user, ads, domain, auto)." },
    { name: 'ServerRole', type: 'string', doc: "The 'server role' setting, \"\" when not set." },
    { name: 'ServerMinProtocol', type: 'string', doc: "The 'server min protocol' setting, with Samba's default (SMB2_02) when not set." },
    { name: 'ServerMaxProtocol', type: 'string', doc: "The 'server max protocol' setting, with Samba's default (SMB3) when not set." },
    { name: 'MapToGuest', type: 'string', doc: "The 'map to guest' setting (Never by default)." },
    { name: 'ConfigPath', type: 'string', doc: 'The smb.conf that was read.' },
    { name: 'Settings', type: 'dynamic', doc: 'Every [global] setting as written, keys lower-cased with single spaces.' },
  ],
  examples: [
    'SMBConfig | project EnableSMB1Protocol',
    'SMBConfig | where EnableSMB1Protocol == true or RequireSecuritySignature == false',
  ],
});
