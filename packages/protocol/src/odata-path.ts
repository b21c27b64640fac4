/**
 * The AdminService is OData: keys sit in parentheses (`Device(16777217)`, `Collections('SMS00001')`,
 * `CMPivotResult(OperationId=5)`). Fastify's router reads `(` as a regular expression, so paths are
 * rewritten before routing into plain segments (`Device/16777217`, `Collections/SMS00001`,
 * `CMPivotResult/5`); the original URL stays on the request for logs.
 */
export function rewriteODataPath(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q);
  const segments = path.split('/').map((segment) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return segment;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_.]*)\((.*)\)$/.exec(decoded);
    if (!m) return segment;
    let key = m[2]!;
    const named = /^[A-Za-z_]\w*=(.*)$/.exec(key);
    if (named) key = named[1]!;
    const quoted = /^'(.*)'$/.exec(key);
    if (quoted) key = quoted[1]!.replace(/''/g, "'");
    return `${m[1]}/${encodeURIComponent(key)}`;
  });
  return segments.join('/') + query;
}
