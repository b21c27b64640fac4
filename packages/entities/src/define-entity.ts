import type { ScalarType, TableSchema } from '@openpivot/kql';

export type Platform = 'linux' | 'windows';

/**
 * What reading an entity takes. `sensitive` entities (FileContent, File, EventLog, Environment and
 * the like) read what a device's owner may consider private; a role must grant them separately.
 */
export type EntityPermission = 'ordinary' | 'sensitive';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ScalarType;
  /** One line: what the value is, with its unit. */
  readonly doc: string;
}

export interface ParameterSpec {
  readonly name: string;
  readonly type: ScalarType;
  readonly doc: string;
  /** Optional parameters may be left out (`EventLog('sshd')` means the last 24 hours). */
  readonly optional?: boolean;
}

export interface EntitySpec {
  /** CMPivot's name where CMPivot has the entity, so CMPivot users' queries work as written. */
  readonly name: string;
  readonly description: string;
  /** `Device` (the device name) is always first: `defineEntity` puts it there. */
  readonly columns: readonly ColumnSpec[];
  readonly parameters: readonly ParameterSpec[];
  /** Where an agent provider exists for it. */
  readonly platforms: readonly Platform[];
  readonly permission: EntityPermission;
  /** Queries that show the entity in use; each must bind against the catalog (a test checks). */
  readonly examples: readonly string[];
  /** CMPivot refuses it from the admin center (fact sheet §1.2): FileContent, RegistryKey, AccountSID… */
  readonly onPremOnly?: boolean;
}

export const DEVICE_COLUMN: ColumnSpec = { name: 'Device', type: 'string', doc: 'The name of the device the row comes from.' };

export type EntityInput = Omit<EntitySpec, 'columns' | 'parameters'> & {
  readonly columns: readonly ColumnSpec[];
  readonly parameters?: readonly ParameterSpec[];
};

/**
 * Declares an entity. `Device` is added as the first column; declaring it, or any column twice, is
 * refused when the module loads.
 *
 * @example
 * export const Process = defineEntity({
 *   name: 'Process', description: 'A process running on the device.', platforms: ['linux', 'windows'],
 *   permission: 'ordinary', columns: [{ name: 'ProcessId', type: 'long', doc: 'The process id.' }],
 *   examples: ["Process | where Name == 'sshd'"],
 * });
 */
export function defineEntity(input: EntityInput): EntitySpec {
  const seen = new Set<string>(['device']);
  for (const c of input.columns) {
    const key = c.name.toLowerCase();
    if (seen.has(key)) throw new Error(`Entity ${input.name}: the column '${c.name}' is declared twice (Device is added for you).`);
    seen.add(key);
  }
  return Object.freeze({ ...input, parameters: input.parameters ?? [], columns: [DEVICE_COLUMN, ...input.columns] });
}

/** The schema the engine binds queries against. */
export function toTableSchema(e: EntitySpec): TableSchema {
  return {
    name: e.name,
    doc: e.description,
    columns: e.columns.map((c) => ({ name: c.name, type: c.type, doc: c.doc })),
    ...(e.parameters.length ? { parameters: e.parameters.map((p) => ({ name: p.name, type: p.type, ...(p.optional ? { optional: true } : {}) })) } : {}),
  };
}
