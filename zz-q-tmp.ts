import { runQuery, analyze } from './packages/kql/src/index.ts';
import { readFileSync } from 'node:fs';
const text = readFileSync('/tmp/case13102.kql', 'utf8');
let t = performance.now(); const a = analyze(text, { dialect: 'cmpivot' }); console.log('analyze', (performance.now() - t).toFixed(0), a.diagnostics.map((d) => d.code));
const clock = () => performance.now();
t = performance.now(); const r = runQuery(text, { dialect: 'cmpivot', now: 0, limits: { maxRows: 10000, deadline: { at: clock() + 1000, clock } } }); console.log('run', (performance.now() - t).toFixed(0), r.diagnostics.map((d) => d.code + ' ' + d.message.slice(0, 100)), r.rows.length);
