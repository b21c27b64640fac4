#!/usr/bin/env node
// The openpivot command. The packages are TypeScript run as they are: tsx compiles them on load.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
