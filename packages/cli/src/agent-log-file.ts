import { createWriteStream, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Past this size the log is moved aside to agent.1.log when the agent starts (one generation kept). */
const ROTATE_BYTES = 10 * 1024 * 1024;

/**
 * The agent writes its JSON lines to stderr and to `<dir>/agent.log`, where the AgentLog entity reads
 * them (`AgentLog('agent')`): an admin can ask a device what its agent has been doing.
 */
export function agentLogSink(dir: string, stderr: { write(s: string): unknown }): { write(line: string): void } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, 'agent.log');
  try {
    if (statSync(path).size > ROTATE_BYTES) renameSync(path, join(dir, 'agent.1.log'));
  } catch {
    // no log yet
  }
  const file = createWriteStream(path, { flags: 'a', mode: 0o600 });
  file.on('error', () => undefined); // a full disk must not stop the agent; stderr still has the lines
  return {
    write(line) {
      stderr.write(line);
      file.write(line);
    },
  };
}
