import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: { alias: { '@openpivot/kql': pkg('kql'), '@openpivot/testkit': pkg('testkit'), '@openpivot/entities': pkg('entities'), '@openpivot/agent': pkg('agent'), '@openpivot/protocol': pkg('protocol'), '@openpivot/site': pkg('site'), '@openpivot/server': pkg('server'), '@openpivot/cloud': pkg('cloud') } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
