// The child processes a benchmark starts (a cloud, a site, agents, a simulator): tracked, so that none
// outlives the script, and watched on stdout for the line that says it is ready.
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const children = new Set<ChildProcess>();

/** Tracks a child until it exits, so an interrupt or `stopAll` can reach it. */
export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Ctrl-C (or a timeout's SIGTERM) must not leave servers running behind: kill the children, run `cleanup`, exit. */
export function killChildrenOnInterrupt(cleanup: () => void = () => undefined): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const c of children) c.kill('SIGKILL');
      cleanup();
      process.exit(130);
    });
  }
}

/** Resolves with the first stdout line matching `re`; rejects if the process exits or time runs out. */
export function waitForLine(child: ChildProcess, re: RegExp, what: string, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => done(new Error(`${what}: nothing within ${timeoutMs} ms`)), timeoutMs);
    const onExit = (code: number | null): void => done(new Error(`${what}: the process exited (${code}) first`));
    const done = (e: Error | null, m?: RegExpExecArray): void => {
      clearTimeout(timer);
      child.off('exit', onExit);
      lines.close();
      if (e) reject(e);
      else resolvePromise(m!);
    };
    lines.on('line', (line) => {
      const m = re.exec(line);
      if (m) done(null, m);
    });
    child.on('exit', onExit);
  });
}

/** Asks a child to end (SIGTERM, so it shuts down cleanly), killing it if it has not within `graceMs`. */
export async function stop(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Stops every tracked child. */
export async function stopAll(graceMs: number): Promise<void> {
  await Promise.all([...children].map((c) => stop(c, graceMs)));
}
