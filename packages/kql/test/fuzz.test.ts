import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadSeeds, makeCase, type Failure } from './fuzz-corpus.js';

/**
 * Fuzz test: random and mutated query strings must never throw, never take more than 1 s, and always
 * give diagnostics or a result — through `runQuery` and through `analyze` (which the editor calls on
 * every keystroke). Inputs come from fuzz-corpus.ts and are a pure function of (seed, case index).
 *
 * The cases run in a child process, because a synchronous infinite loop can never be interrupted
 * from inside its own thread (vitest's timeout is a timer, and a timer would never fire): the parent
 * polls the child's heartbeat file ("case i is running"), kills it when one case runs for HANG_MS,
 * records that case as a hang, and starts a new child after it. A crash (out of memory, a stack
 * overflow that escapes as a fatal error) is recorded the same way.
 *
 *   FUZZ_SEED=123 FUZZ_CASES=5000 npx vitest run packages/kql/test/fuzz.test.ts
 *   FUZZ_SEED=123 FUZZ_FROM=4711 FUZZ_CASES=1 …   (one case again)
 *   FUZZ_REPORT=/tmp/fuzz.json …                   (every failure with its input, as JSON)
 *   FUZZ_WORKERS=1 …                               (child processes; default 2)
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20240115) >>> 0;
const CASES = Number(process.env.FUZZ_CASES ?? 100_000);
const FROM = Number(process.env.FUZZ_FROM ?? 0);
/** A case that sends nothing for this long is hung; the engine's own limit is 1 s. */
const HANG_MS = 5_000;
/** Loading TypeScript in the child, before its first case. */
const START_MS = 60_000;
const MAX_RESTARTS = 30;
const WORKERS = Number(process.env.FUZZ_WORKERS ?? 2);

const goldenDir = fileURLToPath(new URL('./golden/', import.meta.url));
const corpusUrl = new URL('./fuzz-corpus.ts', import.meta.url).href;
const tsxUrl = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface ChildRun { failures: Failure[]; done: boolean; lastStarted: number; stop?: Failure }

/** Runs cases [from, to) in one child; resolves when it finishes, hangs or dies. */
function runChild(from: number, to: number, seeds: readonly string[]): Promise<ChildRun> {
  const dir = mkdtempSync(join(tmpdir(), 'openpivot-fuzz-'));
  const heartbeat = join(dir, 'heartbeat');
  const failuresFile = join(dir, 'failures.jsonl');
  writeFileSync(heartbeat, Buffer.alloc(8, 0xff));
  const seedsFile = join(dir, 'seeds.json');
  writeFileSync(failuresFile, '');
  writeFileSync(seedsFile, JSON.stringify(seeds));
  const args = [SEED, from, to, seedsFile, heartbeat, failuresFile].map((a) => JSON.stringify(a)).join(', ');
  const code = `import(${JSON.stringify(corpusUrl)}).then((m) => m.fuzzChild(${args}))`;
  const child = spawn(process.execPath, ['--import', tsxUrl, '--input-type=module', '-e', code], { stdio: ['ignore', 'ignore', 'pipe'] });
  const run: ChildRun = { failures: [], done: false, lastStarted: from - 1 };
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => { stderr = (stderr + b.toString()).slice(-2000); });
  const readBeat = (): number => {
    const v = readFileSync(heartbeat).readDoubleLE(0);
    return Number.isNaN(v) ? from - 1 : v;
  };
  let lastChange = Date.now();
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const beat = readBeat();
      if (beat !== run.lastStarted) {
        run.lastStarted = beat;
        lastChange = Date.now();
      }
      const quiet = Date.now() - lastChange;
      if (!run.stop && quiet > (beat < from ? START_MS : HANG_MS)) {
        run.stop = { index: beat, what: 'hang', detail: `still running after ${quiet} ms; child killed`, ms: quiet };
        child.kill('SIGKILL');
      }
    }, 100);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      const beat = readBeat();
      run.failures = readFileSync(failuresFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Failure);
      run.done = code === 0 && beat === to;
      run.lastStarted = beat;
      if (!run.done && !run.stop) {
        run.stop = { index: beat, what: 'crash', detail: `child exited (code ${code}, signal ${signal}): ${stderr.trim().split('\n').slice(-6).join(' / ')}` };
      }
      rmSync(dir, { recursive: true, force: true });
      resolve(run);
    });
  });
}

/** Runs cases [from, to), starting a new child after each one that hung or crashed. */
async function runRange(from: number, to: number, seeds: readonly string[]): Promise<Failure[]> {
  const failures: Failure[] = [];
  let next = from;
  for (let restarts = 0; next < to; restarts++) {
    if (restarts > MAX_RESTARTS) throw new Error(`fuzz: the child died ${restarts} times; stopped at case ${next}.\n${JSON.stringify(failures.slice(-3))}`);
    const run = await runChild(next, to, seeds);
    failures.push(...run.failures);
    if (run.done) break;
    if (run.lastStarted < next) throw new Error(`fuzz: the child never started: ${run.stop?.detail}`);
    failures.push(run.stop!);
    next = run.lastStarted + 1;
  }
  return failures;
}

function show(text: string): string {
  const s = JSON.stringify(text);
  return s.length <= 300 ? s : `${s.slice(0, 300)}… (${text.length} chars)`;
}

describe('fuzz', () => {
  it(`${CASES} random and mutated queries never throw, hang or go without an answer (seed ${SEED})`, async () => {
    const started = performance.now();
    const seeds = loadSeeds(goldenDir);
    // Two children, each with half the cases: on two cores the fuzz test finishes sooner when it runs last.
    const workers = Math.max(1, Math.min(WORKERS, CASES));
    const per = Math.ceil(CASES / workers);
    const parts = await Promise.all(Array.from({ length: workers }, (_, w) =>
      runRange(FROM + w * per, Math.min(FROM + CASES, FROM + (w + 1) * per), seeds)));
    const failures = parts.flat().sort((a, b) => a.index - b.index);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    // The golden folder grows, so the same seed gives other inputs once files are added: say how many.
    console.log(`fuzz: seed=${SEED} cases=${CASES} from=${FROM} seed queries=${seeds.length} in ${seconds} s, ${failures.length} failures`);

    // The same bug tends to fail thousands of cases; group by what happened and where.
    const groups = new Map<string, Failure[]>();
    for (const f of failures) {
      const key = `${f.what}: ${f.detail.replace(/\d+ ms/, 'N ms').replace(/\(length \d+\)|\{"start":\d+,"end":\d+\}/g, '…').split(' / ').slice(0, 2).join(' / ')}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    if (process.env.FUZZ_REPORT) {
      const all = failures.map((f) => ({ ...f, ...makeCase(SEED, f.index, seeds) }));
      writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ seed: SEED, cases: CASES, from: FROM, seconds, failures: all }, null, 1));
    }
    const report = [...groups].map(([key, fs]) => `  ${fs.length}× ${key}`).join('\n');
    // One input per kind of failure first, so one run shows every distinct problem.
    const firsts = [...groups.values()].map((fs) => fs[0]!);
    const shown = [...firsts, ...failures.filter((f) => !firsts.includes(f))].slice(0, Math.max(10, Math.min(firsts.length, 30)));
    const examples = shown.map((f) => {
      const c = makeCase(SEED, f.index, seeds);
      return `  #${f.index} [${c.kind}, ${c.dialect}] ${f.what}: ${f.detail}\n     input: ${show(c.text)}`;
    }).join('\n');
    expect(failures.length, `${failures.length} failing cases (seed ${SEED}; rerun one with FUZZ_SEED=${SEED} FUZZ_FROM=<#> FUZZ_CASES=1)\n` +
      `by kind:\n${report}\nexamples:\n${examples}\n`).toBe(0);
  }, 20 * 60_000);
});
