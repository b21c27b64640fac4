import { ENTITIES, findEntity, type EntitySpec } from '@openpivot/entities';
import { parseArgs } from '../args.js';
import { type Io, type ExitCode, UsageError } from '../io.js';


function describe(e: EntitySpec): string {
  const params = e.parameters.map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type}`).join(', ');
  const lines = [
    `${e.name}${e.parameters.length ? `(${params})` : ''} — ${e.description}`,
    `  platforms: ${e.platforms.join(', ')}; permission: ${e.permission}${e.onPremOnly ? '; not from the admin center' : ''}`,
    ...e.parameters.map((p) => `  parameter ${p.name}: ${p.type}${p.optional ? ' (optional)' : ''} — ${p.doc}`),
    '  columns:',
    ...e.columns.map((c) => `    ${c.name.padEnd(28)} ${c.type.padEnd(9)} ${c.doc}`),
    ...(e.examples.length ? ['  examples:', ...e.examples.map((x) => `    ${x}`)] : []),
  ];
  return `${lines.join('\n')}\n`;
}

export function entitiesCommand(argv: readonly string[], io: Io): ExitCode {
  const args = parseArgs(argv, {});
  if (args.positional.length > 1) throw new UsageError('entities takes at most one entity name');
  const name = args.positional[0];
  if (name !== undefined) {
    const e = findEntity(name);
    if (!e) throw new UsageError(`no entity named '${name}'; run 'openpivot entities' for the list`);
    io.stdout.write(describe(e));
    return 0;
  }
  const width = Math.max(...ENTITIES.map((e) => e.name.length), 4);
  for (const e of ENTITIES) io.stdout.write(`${e.name.padEnd(width)}  ${e.platforms.join(',').padEnd(13)}  ${e.description}\n`);
  return 0;
}
