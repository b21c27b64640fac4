import type { OperatorParser } from './operator-parser.js';
import { parseCount, parseDistinct } from './count-distinct.js';
import { parseExtend, parseSerialize } from './extend.js';
import { parseJoin } from './join.js';
import { parseMvExpand } from './mv-expand.js';
import { parseParse } from './parse-operator.js';
import { parseProject, parseProjectAway, parseProjectKeep, parseProjectRename, parseProjectReorder } from './project.js';
import { parseRender } from './render.js';
import { parseSort, parseTake, parseTop } from './sort-top-take.js';
import { parseSummarize } from './summarize.js';
import { parseUnion } from './union.js';
import { parseWhere } from './where.js';

/** Operator keywords (lower case) and their parsers. Also the list completions offer after `|`. */
export const OPERATOR_PARSERS: Readonly<Record<string, OperatorParser>> = {
  where: parseWhere,
  filter: parseWhere,
  project: parseProject,
  'project-away': parseProjectAway,
  'project-keep': parseProjectKeep,
  'project-rename': parseProjectRename,
  'project-reorder': parseProjectReorder,
  extend: parseExtend,
  summarize: parseSummarize,
  count: parseCount,
  distinct: parseDistinct,
  order: parseSort,
  sort: parseSort,
  top: parseTop,
  take: parseTake,
  limit: parseTake,
  join: parseJoin,
  union: parseUnion,
  'mv-expand': parseMvExpand,
  mvexpand: parseMvExpand,
  parse: parseParse,
  render: parseRender,
  serialize: parseSerialize,
};

export const OPERATOR_KEYWORDS: readonly string[] = Object.keys(OPERATOR_PARSERS);
