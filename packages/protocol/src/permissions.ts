/**
 * The closed list of permissions a security role bundles, and the built-in roles. Names follow
 * Configuration Manager's objects and operations ("Run CMPivot on Collection").
 */
export const PERMISSIONS = [
  'Collection.Read',
  'Collection.RunCMPivot',
  'Collection.RunScripts',
  'Entity.Sensitive',
  'Audit.Read',
  'Site.Admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(s: string): s is Permission {
  return (PERMISSIONS as readonly string[]).includes(s);
}

/**
 * Whether a set of granted permissions includes `needed`. "Run Scripts is a super set of the Run
 * CMPivot permission" (CMPivot docs), so RunScripts grants RunCMPivot.
 */
export function grants(granted: ReadonlySet<Permission> | readonly Permission[], needed: Permission): boolean {
  const has = (p: Permission): boolean => (Array.isArray(granted) ? granted.includes(p) : (granted as ReadonlySet<Permission>).has(p));
  if (has(needed)) return true;
  return needed === 'Collection.RunCMPivot' && has('Collection.RunScripts');
}

export interface RoleDefinition {
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly Permission[];
}

export const BUILT_IN_ROLES: readonly RoleDefinition[] = [
  { name: 'Full Administrator', description: 'Every permission on the site.', permissions: [...PERMISSIONS] },
  { name: 'Read-only Analyst', description: 'Sees collections and devices; runs nothing.', permissions: ['Collection.Read'] },
  {
    name: 'Helpdesk Operator',
    description: 'Runs CMPivot on devices in its collections; no sensitive entities (file contents, registry values, logs).',
    permissions: ['Collection.Read', 'Collection.RunCMPivot'],
  },
  {
    name: 'Security Administrator',
    description: 'Runs CMPivot and scripts with sensitive entities, and reads the audit trail.',
    permissions: ['Collection.Read', 'Collection.RunCMPivot', 'Collection.RunScripts', 'Entity.Sensitive', 'Audit.Read'],
  },
];

export const BUILT_IN_ROLE_NAMES = BUILT_IN_ROLES.map((r) => r.name);

/** The built-in collection every device belongs to. */
export const ALL_SYSTEMS = { id: 'SMS00001', name: 'All Systems' } as const;
