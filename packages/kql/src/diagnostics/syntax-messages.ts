import type { Span } from '../syntax/span.js';
import type { Diagnostic } from './diagnostic.js';

/**
 * Every syntax diagnostic is built here. Codes are stable (KQL1001..KQL1999): tools and tests key
 * on them, so a code is never reused for a different meaning.
 */

function error(code: string, message: string, span: Span): Diagnostic {
  return { code, severity: 'error', message, span };
}

// ---------------------------------------------------------------- lexical (KQL1001..KQL1099)

export function unterminatedString(openingQuote: Span): Diagnostic {
  return error('KQL1001', 'This string has no closing quote.', openingQuote);
}

export function invalidEscape(sequence: string, at: Span): Diagnostic {
  return error('KQL1002', `'${sequence}' is not a valid escape sequence; write '\\\\' for a backslash or use a verbatim string (@'...').`, at);
}

export function unexpectedCharacter(ch: string, at: Span): Diagnostic {
  return error('KQL1003', `Unexpected character '${ch}'.`, at);
}

export function invalidNumber(text: string, at: Span): Diagnostic {
  return error('KQL1004', `'${text}' is not a valid number or timespan.`, at);
}

export function unterminatedLiteral(typeWord: string, at: Span): Diagnostic {
  return error('KQL1005', `${typeWord}(...) has no closing ')'.`, at);
}

export function unterminatedMultilineString(at: Span): Diagnostic {
  return error('KQL1006', "This multi-line string has no closing '```'.", at);
}

// ---------------------------------------------------------------- structure (KQL1100..KQL1199)

export function expectedExpression(at: Span, found: string): Diagnostic {
  return error('KQL1100', found ? `Expected an expression but found '${found}'.` : 'Expected an expression.', at);
}

export function expectedToken(expected: string, at: Span, found: string): Diagnostic {
  return error('KQL1101', found ? `Expected '${expected}' but found '${found}'.` : `Expected '${expected}'.`, at);
}

export function expectedName(at: Span, found: string): Diagnostic {
  return error('KQL1102', found ? `Expected a name but found '${found}'.` : 'Expected a name.', at);
}

export function expectedSource(at: Span, found: string): Diagnostic {
  return error('KQL1103', found ? `Expected a table or entity name but found '${found}'.` : 'Expected a table or entity name.', at);
}

export function expectedOperator(at: Span): Diagnostic {
  return error('KQL1104', "Expected a query operator after '|'.", at);
}

export function unknownOperator(name: string, at: Span): Diagnostic {
  return error('KQL1105', `Unknown query operator '${name}'.`, at);
}

/** A query operator Kusto has and openpivot does not (KQL1105 stays for words Kusto does not know either). */
export function unsupportedOperator(name: string, at: Span, detail = ''): Diagnostic {
  return error('KQL1130', `The query operator '${name}' is not supported by openpivot${detail}.`, at);
}

/** An infix word operator Kusto has and openpivot does not, such as has_any. */
export function unsupportedInfix(name: string, at: Span): Diagnostic {
  return error('KQL1131', `The operator '${name}' is not supported by openpivot.`, at);
}

/** `let f = (x:long) { … }`: Kusto's user-defined functions. */
export function unsupportedFunctionDefinition(at: Span): Diagnostic {
  return error('KQL1132', 'User-defined functions (let f = (...) { ... }) are not supported by openpivot.', at);
}

export function operatorCase(written: string, expected: string, at: Span): Diagnostic {
  return error('KQL1106', `Kusto keywords are lower case: write '${expected}', not '${written}'.`, at);
}

export function unexpectedToken(found: string, at: Span): Diagnostic {
  return error('KQL1107', `Unexpected '${found}'.`, at);
}

export function topTakesOneKey(at: Span): Diagnostic {
  return error('KQL1121', "top orders by one expression; for several, write 'order by a, b | take N'.", at);
}

export function chainTooLong(at: Span, limit: number): Diagnostic {
  return error('KQL1120', `An expression may chain at most ${limit} operators; use 'in (...)' or split it with let.`, at);
}

export function nestingTooDeep(at: Span, limit: number): Diagnostic {
  return error('KQL1108', `The query nests too deeply (more than ${limit} levels).`, at);
}

export function expectedKeyword(keyword: string, at: Span, found: string): Diagnostic {
  return error('KQL1109', found ? `Expected '${keyword}' but found '${found}'.` : `Expected '${keyword}'.`, at);
}

export function unknownStringOperator(found: string, at: Span): Diagnostic {
  return error('KQL1110', `Unknown operator '${found}'.`, at);
}

export function expectedStatement(at: Span, found: string): Diagnostic {
  return error('KQL1111', `Expected a query or 'let' statement but found '${found}'.`, at);
}

// ---------------------------------------------------------------- literals (KQL1200..KQL1299)

export function invalidDatetime(raw: string, at: Span): Diagnostic {
  return error('KQL1200', `'${raw}' is not a valid datetime.`, at);
}

export function invalidTimespan(raw: string, at: Span): Diagnostic {
  return error('KQL1201', `'${raw}' is not a valid timespan.`, at);
}

export function invalidGuid(raw: string, at: Span): Diagnostic {
  return error('KQL1202', `'${raw}' is not a valid guid.`, at);
}

export function invalidTypedLiteral(typeName: string, at: Span): Diagnostic {
  return error('KQL1203', `${typeName}(...) takes a literal ${typeName} value or null.`, at);
}

export function invalidDynamic(at: Span, found: string): Diagnostic {
  return error('KQL1204', `Expected a dynamic value (number, string, bool, null, [...] or {...}) but found '${found}'.`, at);
}

export function unknownType(name: string, at: Span): Diagnostic {
  return error('KQL1205', `Unknown type '${name}'.`, at);
}

// ---------------------------------------------------------------- operators (KQL1300..KQL1399)

export function invalidParsePattern(at: Span, found: string): Diagnostic {
  return error('KQL1300', `Expected a string, a column name or '*' in the parse pattern but found '${found}'.`, at);
}

/** Only for a parser defect caught at the top: the input is reported, never thrown. */
export function internalParserError(at: Span): Diagnostic {
  return error('KQL1999', 'The query could not be parsed (internal parser error).', at);
}

export function parseStarBeforeText(at: Span): Diagnostic {
  return error('KQL1302', "In a parse pattern, '*' must be followed by a string or end the pattern.", at);
}

export function parseColumnAfterText(at: Span): Diagnostic {
  return error('KQL1303', 'In a parse pattern, a column must start the pattern or follow a string.', at);
}

export function parseStarAfterStringColumn(at: Span): Diagnostic {
  return error('KQL1304', "In a parse pattern, '*' right after a string column is ambiguous.", at);
}

export function invalidJoinCondition(at: Span): Diagnostic {
  return error('KQL1301', "A join condition is a column name or '$left.a == $right.b'.", at);
}
