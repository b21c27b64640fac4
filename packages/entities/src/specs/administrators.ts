import { defineEntity } from '../define-entity.js';

export const Administrators = defineEntity({
  name: 'Administrators',
  description: 'Accounts with full control of the device: uid 0 accounts, members of the sudo, wheel and admin groups, and full sudoers grants.',
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'ObjectClass', type: 'string', doc: "'User', or 'Group' for a %group that sudoers grants everything." },
    { name: 'Name', type: 'string', doc: 'The user or group name.' },
    { name: 'PrincipalSource', type: 'string', doc: "'Local' when /etc/passwd or /etc/group defines it, 'Unknown' otherwise (a directory account named in a group)." },
    { name: 'Group', type: 'string', doc: 'Linux: the admin group that makes it an administrator; "" for uid 0 and sudoers grants.' },
    { name: 'Uid', type: 'long', doc: 'Linux: the user id; null for groups and unknown accounts.' },
    { name: 'GrantedBy', type: 'string', doc: "Linux: why it is listed: 'uid 0', 'group sudo', or 'sudoers <file>'." },
  ],
  examples: [
    "Administrators | where ObjectClass == 'User' | project Name, GrantedBy",
    "Administrators | where Name != 'root' | project Name, Group, Uid",
    'Administrators | summarize count() by GrantedBy',
  ],
});
