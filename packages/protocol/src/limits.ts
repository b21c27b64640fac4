/** Limits both ends of the agent channel and the REST API agree on. */
export const LIMITS = {
  /** A result chunk carries at most this many rows… */
  chunkMaxRows: 1_000,
  /** …and at most this many bytes of JSON. */
  chunkMaxBytes: 1024 * 1024,
  /** The largest WebSocket message either side accepts (a chunk plus its envelope). */
  maxMessageBytes: 2 * 1024 * 1024,
  /** REST request bodies over this size are answered 413. */
  maxBodyBytes: 1024 * 1024,
  /** CMPivot's per-device result cap: 128 KB. */
  deviceMaxResultBytes: 128 * 1024,
  /** CMPivot: "A query times out after one hour". */
  operationTimeoutMs: 60 * 60 * 1000,
  /** How long a device may take to run one query once it has it (CMPivot's client script limit). */
  deviceTimeLimitMs: 60_000,
  /** The agent says it is alive this often; the site marks it offline after three silent periods. */
  heartbeatMs: 30_000,
  /** Results and operations are removed after this many days unless configured otherwise. */
  retentionDays: 7,
  /** The longest query text accepted. */
  maxQueryChars: 64 * 1024,
} as const;

/** Per-device states of an operation (SMS_CMPivotStatus-like). Final states never change again. */
export const DEVICE_STATUSES = [
  'pending', 'offline', 'delivered', 'completed', 'no-results', 'failed', 'truncated', 'timed-out', 'cancelled',
] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
export const FINAL_DEVICE_STATUSES: ReadonlySet<DeviceStatus> = new Set(['completed', 'no-results', 'failed', 'truncated', 'timed-out', 'cancelled']);

export const OPERATION_STATUSES = ['running', 'completed', 'timed-out', 'cancelled'] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

/** Where a query came from, for the audit trail. */
export const QUERY_SOURCES = ['api', 'console', 'cloud'] as const;
export type QuerySource = (typeof QUERY_SOURCES)[number];
