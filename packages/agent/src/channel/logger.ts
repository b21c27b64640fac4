/**
 * Structured logs for the agent: one JSON object per line, one line per event. The field names are
 * the ones the AgentLog entity reads back (`time`, `level`, `msg`, `component`, `opId`, `pid`), so an
 * admin can query the agent's own log with CMPivot.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Readonly<Record<string, unknown>>;

export interface AgentLogger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (a component, a device name). */
  child(fields: LogFields): AgentLogger;
}

/** Anything with a `write(text)`: process.stderr, a file stream, an array in a test. */
export interface LogSink {
  write(line: string): unknown;
}

export interface LoggerOptions {
  /** Where lines go; process.stderr by default. */
  readonly sink?: LogSink;
  /** Lines below this level are dropped; 'info' by default. */
  readonly level?: LogLevel;
  readonly fields?: LogFields;
  /** The clock for `time`; Date.now by default. */
  readonly now?: () => number;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Field names that must never reach a log line, whatever a caller passes: the agent's private key and
 * the enrollment token are secrets (a token is single-use, but a log outlives its use).
 */
const SECRET = /^(privateKey|private_key|token|secret|password)$/i;

export function createLogger(options: LoggerOptions = {}): AgentLogger {
  const sink = options.sink ?? process.stderr;
  const min = RANK[options.level ?? 'info'];
  const now = options.now ?? Date.now;
  const make = (base: LogFields): AgentLogger => {
    const emit = (level: LogLevel, msg: string, fields?: LogFields): void => {
      if (RANK[level] < min) return;
      const line: Record<string, unknown> = { time: new Date(now()).toISOString(), level, msg, pid: process.pid };
      for (const source of [base, fields]) {
        if (!source) continue;
        for (const [k, v] of Object.entries(source)) if (!SECRET.test(k) && v !== undefined) line[k] = v;
      }
      try {
        sink.write(`${safeStringify(line)}\n`);
      } catch {
        // A broken log sink (closed pipe) must not take the agent down with it.
      }
    };
    return {
      debug: (m, f) => emit('debug', m, f),
      info: (m, f) => emit('info', m, f),
      warn: (m, f) => emit('warn', m, f),
      error: (m, f) => emit('error', m, f),
      child: (fields) => make({ ...base, ...fields }),
    };
  };
  return make(options.fields ?? {});
}

/** A logger that writes nothing (tests, a simulator with thousands of devices). */
export const silentLogger: AgentLogger = {
  debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined,
  child: () => silentLogger,
};

/** Passes on only lines at `level` or above: a simulator's thousands of devices log their troubles, not their routine. */
export function atLeast(log: AgentLogger, level: LogLevel): AgentLogger {
  const keep = (l: LogLevel): boolean => RANK[l] >= RANK[level];
  const noop = (): void => undefined;
  return {
    debug: keep('debug') ? log.debug : noop,
    info: keep('info') ? log.info : noop,
    warn: keep('warn') ? log.warn : noop,
    error: log.error,
    child: (fields) => atLeast(log.child(fields), level),
  };
}

/** The message of an unknown thrown value. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  } catch {
    return JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'unserialisable log line' });
  }
}
