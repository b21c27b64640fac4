#!/usr/bin/env node
// Test-time judge: asks the official Kusto parser and binder (@kusto/language-service-next) whether a
// query is valid Kusto and what its result schema is. Never used at run time.
// Usage: node scripts/kusto-schema.cjs '<query>'   (or the query on standard input)
// Prints one JSON object: { diagnostics: [{ code, line, col, message }], columns: [{ name, type }] }.
require('@kusto/language-service-next/bridge.min.js');
require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
const K = globalThis.Kusto.Language;

const query = process.argv[2] ?? require('node:fs').readFileSync(0, 'utf8');
const code = K.KustoCode.ParseAndAnalyze(query, K.GlobalState.Default);
const diagnostics = [];
const list = code.GetDiagnostics();
for (let i = 0; i < list.Count; i++) {
  const d = list.getItem(i);
  const before = query.slice(0, d.Start).split('\n');
  diagnostics.push({ code: d.Code, line: before.length, col: before[before.length - 1].length + 1, message: d.Message });
}
const columns = [];
const result = code.ResultType;
if (result && result.Columns) {
  for (let i = 0; i < result.Columns.Count; i++) {
    const c = result.Columns.getItem(i);
    columns.push({ name: c.Name, type: c.Type.Name });
  }
}
console.log(JSON.stringify({ diagnostics, columns }));
