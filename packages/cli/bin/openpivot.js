#!/usr/bin/env node
// The openpivot command. Runs the plain-JavaScript bundle dist/openpivot.mjs (built by `npm run build`,
// and by `npm ci` through the root `prepare` script): no compiler at run time, so a device agent starts
// faster and idles ~45 MB lighter. Without the bundle, or with OPENPIVOT_DEV set (working on the
// sources without rebuilding), the TypeScript sources run through tsx instead.
import { existsSync } from 'node:fs';

// `openpivot entities | head`: the reader left; stop quietly, as other command-line tools do.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const bundle = new URL('../../../dist/openpivot.mjs', import.meta.url);
let main;
if (!process.env.OPENPIVOT_DEV && existsSync(bundle)) {
  ({ main } = await import(bundle.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main.ts'));
}
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
