import { defineEntity } from '../define-entity.js';

export const Environment = defineEntity({
  name: 'Environment',
  description: "Environment variables: the system's (/etc/environment) and the agent process's own. Values may hold secrets.",
  platforms: ['linux', 'windows'],
  permission: 'sensitive',
  columns: [
    { name: 'Name', type: 'string', doc: 'The variable name.' },
    { name: 'VariableValue', type: 'string', doc: 'The value, unexpanded as it is stored.' },
    { name: 'UserName', type: 'string', doc: "'<SYSTEM>' for system-wide variables, else the user the agent runs as." },
    { name: 'SystemVariable', type: 'bool', doc: 'True for system-wide variables (/etc/environment).' },
    { name: 'Source', type: 'string', doc: "Linux: '/etc/environment' or 'agent process'." },
  ],
  examples: [
    "Environment | where Name == 'PATH' | project UserName, VariableValue",
    "Environment | where SystemVariable == true | project Name, VariableValue",
    "Environment | where Name startswith 'HTTP' or Name startswith 'NO_PROXY' | project Name, VariableValue, UserName",
  ],
});
