import type { Operator } from '../../syntax/ast.js';
import type { Token } from '../../syntax/token.js';
import type { Cursor } from '../cursor.js';

/** Parses one tabular operator; its keyword token has just been consumed. */
export type OperatorParser = (c: Cursor, keyword: Token) => Operator;
