export { seededRandom, type Rng } from './random.js';
export { judgeKusto, type KustoVerdict } from './kusto-judge.js';
export { kustoOracle, kustoTypeName, type KustoOracle, type OracleVerdict, type OracleDiagnostic, type OracleCompletion, type OracleCompletionKind, type OracleCatalog, type OracleTableSchema, type OracleColumnSchema } from './kusto-oracle.js';
export * from './conformance/index.js';
export { sqliteDatabases, postgresDatabases, type DatabaseBackend, type FreshDatabase } from './test-databases.js';
