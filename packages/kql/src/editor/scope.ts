import type { Catalog, ColumnSchema } from '../types/schema.js';
import type { Dialect } from '../functions/function-types.js';
import { analyze } from '../query.js';
import { parse } from '../parser/parse.js';

export interface LetName {
  readonly name: string;
  readonly tabular: boolean;
}

/**
 * The output columns of a query text (earlier `let` statements plus a pipeline cut before a `|`).
 * Binding errors in it do not matter: the binder still reports the schema it could work out.
 */
export function schemaOf(text: string, catalog: Catalog, dialect: Dialect): readonly ColumnSchema[] {
  try {
    return analyze(text, { catalog, dialect }).schema;
  } catch {
    // Completion must never throw; a binder defect only costs the column list.
    return [];
  }
}

/** The names bound by the `let` statements of `text` (the statements before the cursor's). */
export function letNames(text: string, catalog: Catalog, dialect: Dialect): LetName[] {
  if (text.trim() === '') return [];
  const out: LetName[] = [];
  const tables = new Set(catalog.tables.map((t) => t.name.toLowerCase()));
  for (const s of parse(text, { dialect }).script.statements) {
    if (s.kind !== 'Let' || s.name.name === '') continue;
    const v = s.value;
    // `let T = Process` and `let F = File('x')` parse as a name and a call: tables all the same.
    const named = v.kind === 'Name' ? v.name : v.kind === 'Call' ? v.name.name : undefined;
    const tabular = v.kind === 'Tabular' || (named !== undefined && tables.has(named.toLowerCase()));
    out.push({ name: s.name.name, tabular });
    if (tabular) tables.add(s.name.name.toLowerCase());
  }
  return out;
}
