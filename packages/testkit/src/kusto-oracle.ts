import { createRequire } from 'node:module';

/**
 * The official Kusto parser, binder and completer (`@kusto/language-service-next`) with a catalog's
 * tables declared to it, as a test-time oracle: validity, result schema and completions of a query.
 * Dev-only: the package is 16 MB and ~100 MB of memory, never part of a product bundle.
 */
export interface OracleColumnSchema { readonly name: string; readonly type: string }
export interface OracleTableSchema {
  readonly name: string;
  readonly columns: readonly OracleColumnSchema[];
  /** Tables with parameters (`File(path)`) are functions in Kusto; the oracle leaves them out. */
  readonly parameters?: readonly unknown[];
}
export interface OracleCatalog { readonly tables: readonly OracleTableSchema[] }

export interface OracleDiagnostic {
  readonly code: string;
  readonly severity: string;
  readonly start: number;
  readonly length: number;
  readonly message: string;
}
export interface OracleVerdict {
  readonly diagnostics: readonly OracleDiagnostic[];
  /** True when no diagnostic has severity `Error` (warnings and suggestions do not make a query invalid). */
  readonly valid: boolean;
  readonly columns: readonly OracleColumnSchema[];
}
export type OracleCompletionKind = 'table' | 'column' | 'operator' | 'function' | 'aggregate' | 'keyword' | 'other';
export interface OracleCompletion { readonly name: string; readonly kind: OracleCompletionKind; readonly display: string }

export interface KustoOracle {
  analyze(text: string): OracleVerdict;
  completions(text: string, position: number): OracleCompletion[];
}

interface List<T> { Count: number; getItem(i: number): T }
interface Bridge {
  KustoCode: { ParseAndAnalyze(text: string, globals: unknown): {
    GetDiagnostics(): List<{ Code: string; Severity: string; Start: number; Length: number; Message: string }>;
    ResultType: { Columns?: List<{ Name: string; Type: { Name: string } }> } | null;
  } };
  GlobalState: { Default: { WithDatabase(db: unknown): unknown } };
  Symbols: {
    ScalarTypes: Record<string, unknown>;
    ColumnSymbol: new (name: string, type: unknown) => unknown;
    TableSymbol: { $ctor4: new (name: string, columns: unknown[]) => unknown };
    DatabaseSymbol: { $ctor1: new (name: string, members: unknown[]) => unknown };
  };
  Editor: {
    KustoCodeService: { $ctor1: new (text: string, globals: unknown) => {
      GetCompletionItems(position: number): { Items: List<{ DisplayText: string; Kind: number }> };
    } };
    CompletionKind: Record<string, number>;
  };
}

let bridge: Bridge | undefined;
/** Loads Kusto.Language once per process (about 180 ms and 90 MB): shared by the oracle and judgeKusto. */
export function loadKustoBridge(): Bridge {
  if (!bridge) {
    const require = createRequire(import.meta.url);
    require('@kusto/language-service-next/bridge.min.js');
    require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
    bridge = (globalThis as unknown as { Kusto: { Language: Bridge } }).Kusto.Language;
  }
  return bridge;
}

/** Kusto's ScalarTypes member for each type name a catalog may use (`decimal` has no counterpart here). */
const SCALAR_MEMBER: Readonly<Record<string, string>> = {
  bool: 'Bool', int: 'Int', long: 'Long', real: 'Real', string: 'String',
  datetime: 'DateTime', timespan: 'TimeSpan', dynamic: 'Dynamic', guid: 'Guid',
};

/** Kusto's result type names, mapped to the engine's (`double` is `real`, `boolean` is `bool`). */
export function kustoTypeName(name: string): string {
  const aliases: Record<string, string> = { double: 'real', boolean: 'bool', date: 'datetime', time: 'timespan', uniqueid: 'guid' };
  return aliases[name] ?? name;
}

const KIND_NAMES: Readonly<Record<string, OracleCompletionKind>> = {
  Table: 'table', Column: 'column', QueryPrefix: 'operator', BuiltInFunction: 'function',
  AggregateFunction: 'aggregate', Keyword: 'keyword',
};

// One GlobalState per catalog object: building the symbols costs more than analysing a query.
const globalsCache = new WeakMap<OracleCatalog, unknown>();

function globalsFor(k: Bridge, catalog: OracleCatalog): unknown {
  let gs = globalsCache.get(catalog);
  if (gs === undefined) {
    const S = k.Symbols;
    const tables = catalog.tables.filter((t) => (t.parameters?.length ?? 0) === 0).map((t) => new S.TableSymbol.$ctor4(t.name, t.columns.map((c) => {
      const member = SCALAR_MEMBER[c.type];
      if (!member) throw new Error(`Column '${t.name}.${c.name}' has type '${c.type}', which the Kusto oracle does not know.`);
      return new S.ColumnSymbol(c.name, S.ScalarTypes[member]);
    })));
    gs = k.GlobalState.Default.WithDatabase(new S.DatabaseSymbol.$ctor1('openpivot', tables));
    globalsCache.set(catalog, gs);
  }
  return gs;
}

const items = <T>(list: List<T> | undefined | null): T[] => (list ? Array.from({ length: list.Count }, (_, i) => list.getItem(i)) : []);

/** An oracle over the catalog's parameterless tables (an empty catalog: only `let`, datatable, range, print). */
export function kustoOracle(catalog: OracleCatalog = { tables: [] }): KustoOracle {
  const k = loadKustoBridge();
  const globals = globalsFor(k, catalog);
  const kindOf = new Map<number, OracleCompletionKind>(Object.entries(KIND_NAMES).map(([n, kind]) => [k.Editor.CompletionKind[n]!, kind]));
  return {
    analyze(text) {
      const code = k.KustoCode.ParseAndAnalyze(text, globals);
      const diagnostics = items(code.GetDiagnostics()).map((d) => ({
        code: d.Code, severity: d.Severity, start: d.Start, length: d.Length, message: d.Message,
      }));
      const columns = items(code.ResultType?.Columns).map((c) => ({ name: c.Name, type: kustoTypeName(c.Type.Name) }));
      return { diagnostics, valid: !diagnostics.some((d) => d.severity === 'Error'), columns };
    },
    completions(text, position) {
      const service = new k.Editor.KustoCodeService.$ctor1(text, globals);
      return items(service.GetCompletionItems(position).Items).map((i) => ({
        // Functions show their parameters (`abs(number)`); the name is what precedes the parenthesis.
        name: i.DisplayText.replace(/\(.*$/s, ''),
        kind: kindOf.get(i.Kind) ?? 'other',
        display: i.DisplayText,
      }));
    },
  };
}
