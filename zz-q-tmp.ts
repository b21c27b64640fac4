import { runQuery } from './packages/kql/src/index.ts';
import { readFileSync } from 'node:fs';
for (const f of ['/tmp/case4094.kql', '/tmp/case64578.kql']) {
  const text = readFileSync(f, 'utf8');
  const clock = () => performance.now();
  const t = performance.now(); const r = runQuery(text, { dialect: 'cmpivot', now: 0, limits: { maxRows: 10000, deadline: { at: clock() + 1000, clock } } });
  console.log(f, (performance.now() - t).toFixed(0), 'ms', r.diagnostics.slice(0, 3).map((d) => d.code + ' ' + d.message.slice(0, 100)), r.rows.length);
}
for (const n of [1000, 2000, 4000]) {
  const q = `print c = trim_end(@"\\d+", "abc${'9'.repeat(n)}x")`;
  const t = performance.now(); const r = runQuery(q, { now: 0 }); console.log('trim_end', n, (performance.now() - t).toFixed(0), 'ms', JSON.stringify(r.rows).slice(0, 40));
}
