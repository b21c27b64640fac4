/** Conformance with the official Kusto language service: the query generator and the differential checks. */
export { deriveSignatures, GEN_TYPES, type GenType, type Signature, type Signatures, type Registry, type FunctionLike } from './signatures.js';
export { quoteName, literal, expr, type Frag, type GenCol, type ExprContext } from './expressions.js';
export { queryArb, type GenQuery, type QueryGenOptions } from './queries.js';
export { mutantArb, tokens } from './mutants.js';
export { checkQuery, normalizeMessage, COMPLETION_THRESHOLD, type CheckKind, type CheckResult, type EngineLike } from './check.js';
export { conformanceEngine, ENGINE_REGISTRY } from './engine.js';
export { pickTables, runConformance, type ConformanceOptions, type ConformanceReport } from './run.js';
