/**
 * Structured logs: one JSON object per line, with the event name, the time and the ids that tie it
 * to a request or operation. Callers never pass secrets (headers, tokens, passwords, keys).
 */
export type Log = (event: string, fields?: Readonly<Record<string, unknown>>) => void;

export interface LogSink {
  write(line: string): unknown;
}

export function createLog(sink: LogSink, base: Readonly<Record<string, unknown>> = {}, clock: () => number = Date.now): Log {
  return (event, fields = {}) => {
    sink.write(`${JSON.stringify({ time: new Date(clock()).toISOString(), event, ...base, ...fields })}\n`);
  };
}

export const silentLog: Log = () => {};
