/**
 * The cloud's roles, modelled on Intune's (fact sheet §4.2). A cloud role only opens the door to the
 * site: the site still applies its own RBAC to the mapped site user before anything runs.
 */
export const CLOUD_PERMISSIONS = [
  /** List and view the tenant's synced devices. */
  'Devices.Read',
  /** Intune's "Remote tasks: Initiate Configuration Manager action": run CMPivot on a device. */
  'RemoteTasks.InitiateConfigMgrAction',
  /** Manage the tenant: attach codes, cloud users, the tenant's audit. */
  'Tenant.Admin',
] as const;
export type CloudPermission = (typeof CLOUD_PERMISSIONS)[number];

export interface CloudRoleDefinition {
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly CloudPermission[];
}

export const CLOUD_ROLES: readonly CloudRoleDefinition[] = [
  { name: 'Intune Administrator', description: 'Everything in the tenant: devices, queries, attach codes, users, audit.', permissions: [...CLOUD_PERMISSIONS] },
  { name: 'Help Desk Operator', description: 'Lists and views devices and runs CMPivot on one device (Remote tasks: Initiate Configuration Manager action).', permissions: ['Devices.Read', 'RemoteTasks.InitiateConfigMgrAction'] },
  { name: 'Read Only Operator', description: 'Lists and views devices; runs nothing.', permissions: ['Devices.Read'] },
];
export type CloudRoleName = 'Intune Administrator' | 'Help Desk Operator' | 'Read Only Operator';
export const CLOUD_ROLE_NAMES = CLOUD_ROLES.map((r) => r.name) as readonly CloudRoleName[];

export function cloudRoleGrants(role: string, needed: CloudPermission): boolean {
  return CLOUD_ROLES.find((r) => r.name === role)?.permissions.includes(needed) ?? false;
}
