export { seededRandom, type Rng } from './random.js';
export { judgeKusto, type KustoVerdict } from './kusto-judge.js';
