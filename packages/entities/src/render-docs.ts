import type { EntitySpec } from './define-entity.js';

/**
 * docs/entities.md, made from the catalog: the one place each entity is declared is also the
 * source of its documentation. `npm run docs:entities` writes it; a test fails when it is stale.
 */
export function renderEntitiesDoc(entities: readonly EntitySpec[]): string {
  const out: string[] = [
    '# Entities',
    '',
    '<!-- Generated from packages/entities by `npm run docs:entities`. Do not edit by hand. -->',
    '',
    `${entities.length} entities. Every row carries \`Device\`, the device name, first. Entities marked *sensitive* need`,
    'their own permission; those marked *on-prem only* are refused from the admin center, as in CMPivot.',
    '',
    '| entity | platforms | permission | description |',
    '|---|---|---|---|',
    ...entities.map((e) => `| [${signature(e)}](#${anchor(e.name)}) | ${e.platforms.join(', ')} | ${e.permission}${e.onPremOnly ? ', on-prem only' : ''} | ${cell(e.description)} |`),
    '',
  ];
  for (const e of entities) {
    out.push(`## ${e.name}`, '', cell(e.description), '');
    if (e.parameters.length) {
      out.push('| parameter | type | |', '|---|---|---|');
      for (const p of e.parameters) out.push(`| ${p.name}${p.optional ? ' (optional)' : ''} | ${p.type} | ${cell(p.doc)} |`);
      out.push('');
    }
    out.push('| column | type | |', '|---|---|---|');
    for (const c of e.columns) out.push(`| ${c.name} | ${c.type} | ${cell(c.doc)} |`);
    out.push('');
    if (e.examples.length) {
      out.push('```kusto', ...e.examples, '```', '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function signature(e: EntitySpec): string {
  return e.parameters.length ? `${e.name}(${e.parameters.map((p) => p.name).join(', ')})` : e.name;
}

function anchor(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
