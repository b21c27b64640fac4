import { loadKustoBridge } from './kusto-oracle.js';

/**
 * The official Kusto parser and binder (`@kusto/language-service-next`), loaded once, as a test-time
 * judge of what is valid Kusto and what a query's result schema is. Never used at run time.
 */
export interface KustoVerdict {
  readonly diagnostics: readonly { code: string; start: number; message: string }[];
  readonly columns: readonly { name: string; type: string }[];
}

interface KustoList<T> { Count: number; getItem(i: number): T }
interface KustoLanguage {
  KustoCode: { ParseAndAnalyze(text: string, globals: unknown): {
    GetDiagnostics(): KustoList<{ Code: string; Start: number; Message: string }>;
    ResultType: { Columns?: KustoList<{ Name: string; Type: { Name: string } }> } | null;
  } };
  GlobalState: { Default: unknown };
}

export function judgeKusto(text: string): KustoVerdict {
  const k = loadKustoBridge() as unknown as KustoLanguage;
  const code = k.KustoCode.ParseAndAnalyze(text, k.GlobalState.Default);
  const list = code.GetDiagnostics();
  const diagnostics = Array.from({ length: list.Count }, (_, i) => {
    const d = list.getItem(i);
    return { code: d.Code, start: d.Start, message: d.Message };
  });
  const cols = code.ResultType?.Columns;
  const columns = cols ? Array.from({ length: cols.Count }, (_, i) => ({ name: cols.getItem(i).Name, type: cols.getItem(i).Type.Name })) : [];
  return { diagnostics, columns };
}
