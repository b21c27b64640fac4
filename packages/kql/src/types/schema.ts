import type { ScalarType } from './scalar-type.js';

export interface ColumnSchema {
  readonly name: string;
  readonly type: ScalarType;
  /** Shown in completions and docs. */
  readonly doc?: string;
}

export interface ParameterSchema {
  readonly name: string;
  readonly type: ScalarType;
  readonly optional?: boolean;
}

/** A table the binder can resolve: an entity from the catalog, a `let`, or a source operator. */
export interface TableSchema {
  readonly name: string;
  readonly columns: readonly ColumnSchema[];
  readonly doc?: string;
  /** Entities such as `File(path)` take arguments; a table without parameters is written bare. */
  readonly parameters?: readonly ParameterSchema[];
}

/** What the engine knows of the world: the tables a query may name. The engine knows no entity itself. */
export interface Catalog {
  readonly tables: readonly TableSchema[];
}

export const EMPTY_CATALOG: Catalog = { tables: [] };
