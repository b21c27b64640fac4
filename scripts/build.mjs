// npm run build (also run by `prepare`, so `npm ci` builds it): bundles the CLI into dist/openpivot.mjs,
// one plain-JavaScript file. The agent then runs without tsx, whose compiler service and loader-hooks
// thread cost 30–45 MB of RSS and ~0.2 s of start-up. Also bundles the idle-RSS probe of bench:agent, so
// the benchmark measures what a device runs. Plain .mjs, not .ts, so `prepare` can run it with plain node.
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Entry → output. Each is self-contained: no chunks to keep in step. */
const BUNDLES = [
  { entry: 'packages/cli/src/main.ts', out: 'dist/openpivot.mjs' },
  { entry: 'bench/agent-idle.ts', out: 'dist/agent-idle.mjs' },
];

const started = performance.now();
await Promise.all(BUNDLES.map(({ entry, out }) => build({
  absWorkingDir: root,
  entryPoints: [entry],
  outfile: out,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Workspace packages resolve through node_modules symlinks to their .ts sources and are inlined.
  // Third-party packages load from node_modules at run time: better-sqlite3 is native, the others
  // carry optional native parts (ws) or are large enough that inlining them gains nothing.
  // The Kusto language service is for tests only.
  external: ['@kusto/*', 'better-sqlite3', 'pg', 'pg-native', 'kysely', 'fastify', '@fastify/*', 'openid-client', 'ws', 'bufferutil', 'utf-8-validate', '@nats-io/*', 'zod'],
  sourcemap: 'linked',
  // Keep names readable in stack traces of internal errors; minifying saves little memory.
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
})));
// The web app (admin center and site console), served from dist/web by the cloud and the site.
const { build: viteBuild } = await import('vite');
await viteBuild({ configFile: fileURLToPath(new URL('../packages/web/vite.config.ts', import.meta.url)), logLevel: 'warn' });
const sizes = BUNDLES.map(({ out }) => `${out} ${(statSync(new URL(`../${out}`, import.meta.url)).size / 1024).toFixed(0)} KB`);
console.log(`built ${sizes.join(', ')}, dist/web in ${(performance.now() - started).toFixed(0)} ms`);
