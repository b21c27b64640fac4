export { seededRandom, type Rng } from './random.js';
