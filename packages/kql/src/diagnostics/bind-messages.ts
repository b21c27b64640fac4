import type { Span } from '../syntax/span.js';
import type { Diagnostic } from './diagnostic.js';
import type { ScalarType } from '../types/scalar-type.js';

/** Binding diagnostics, KQL2nnn. Codes are stable: tools and tests match on them. */
const error = (code: string, message: string, span: Span): Diagnostic => ({ code, severity: 'error', message, span });
const warning = (code: string, message: string, span: Span): Diagnostic => ({ code, severity: 'warning', message, span });
const suggest = (candidates: readonly string[]): string =>
  candidates.length === 0 ? '' : ` Did you mean ${candidates.map((c) => `'${c}'`).join(' or ')}?`;

export const bindMessages = {
  unknownColumn: (name: string, span: Span, candidates: readonly string[]) =>
    error('KQL2001', `The name '${name}' does not refer to any column, variable or function in scope.${suggest(candidates)}`, span),
  unknownTable: (name: string, span: Span, candidates: readonly string[]) =>
    error('KQL2002', `The name '${name}' does not refer to any known table or entity.${suggest(candidates)}`, span),
  unknownFunction: (name: string, span: Span, candidates: readonly string[]) =>
    error('KQL2003', `The function '${name}' is not known.${suggest(candidates)}`, span),
  ambiguousName: (name: string, span: Span, candidates: readonly string[]) =>
    error('KQL2004', `The name '${name}' is ambiguous: it matches ${candidates.map((c) => `'${c}'`).join(' and ')} ignoring case.`, span),
  wrongArgumentCount: (fn: string, min: number, max: number, got: number, span: Span) =>
    error('KQL2005', `The function '${fn}' expects ${min === max ? min : max === Infinity ? `at least ${min}` : `${min} to ${max}`} argument${max === 1 ? '' : 's'}, not ${got}.`, span),
  wrongArgument: (fn: string, message: string, span: Span) =>
    error('KQL2006', `${fn}(): ${message}`, span),
  aggregateOutsideSummarize: (fn: string, span: Span) =>
    error('KQL2007', `The aggregate function '${fn}' can only be used in summarize.`, span),
  notAnAggregate: (span: Span) =>
    error('KQL2008', 'summarize expects an aggregate function call here, such as count() or sum(x).', span),
  operatorTypes: (op: string, left: ScalarType, right: ScalarType, span: Span) =>
    error('KQL2009', `The operator '${op}' cannot be applied to ${left} and ${right}.`, span),
  expectedType: (what: string, expected: string, got: ScalarType, span: Span) =>
    error('KQL2010', `${what} must be ${expected}, not ${got}.`, span),
  expectedConstant: (what: string, span: Span) =>
    error('KQL2011', `${what} must be a constant.`, span),
  tableArguments: (table: string, message: string, span: Span) =>
    error('KQL2012', `${table}: ${message}`, span),
  duplicateColumn: (name: string, span: Span) =>
    error('KQL2013', `A column named '${name}' is already declared.`, span),
  datatableShape: (columns: number, values: number, span: Span) =>
    error('KQL2014', `datatable has ${columns} column${columns === 1 ? '' : 's'} but ${values} value${values === 1 ? '' : 's'}, which is not a whole number of rows.`, span),
  joinKey: (side: 'left' | 'right', name: string, span: Span, candidates: readonly string[]) =>
    error('KQL2015', `The join key '${name}' is not a column of the ${side} side.${suggest(candidates)}`, span),
  joinOnDevice: (span: Span) =>
    error('KQL2016', "A join without 'on' joins on the Device column, which both sides must have.", span),
  unknownParameter: (operator: string, name: string, allowed: readonly string[], span: Span) =>
    error('KQL2017', `'${name}' is not a parameter of ${operator}.${allowed.length ? ` Expected one of: ${allowed.join(', ')}.` : ''}`, span),
  badParameterValue: (name: string, value: string, allowed: readonly string[], span: Span) =>
    error('KQL2018', `'${value}' is not a valid value for ${name}. Expected one of: ${allowed.join(', ')}.`, span),
  notAScalar: (name: string, span: Span) =>
    error('KQL2019', `'${name}' is a table, not a scalar value.`, span),
  notATable: (name: string, span: Span) =>
    error('KQL2020', `'${name}' is a scalar, not a table.`, span),
  noQuery: (span: Span) =>
    error('KQL2021', 'The text has no query to run: it ends with a let statement.', span),
  unsupported: (what: string, span: Span) =>
    error('KQL2022', `${what} is not supported.`, span),
  unknownChart: (name: string, allowed: readonly string[], span: Span) =>
    error('KQL2023', `'${name}' is not a chart kind. Expected one of: ${allowed.join(', ')}.`, span),
  wildcardNoMatch: (pattern: string, span: Span) =>
    error('KQL2024', `No column matches '${pattern}'.`, span),
  renderNotLast: (span: Span) =>
    error('KQL2025', 'render must be the last operator of the query.', span),
  tooManyJoins: (limit: number, span: Span) =>
    error('KQL2026', `A query may hold at most ${limit} joins.`, span),
  notBoolean: (what: string, got: ScalarType, span: Span) =>
    error('KQL2027', `${what} must be a bool expression, not ${got}.`, span),
  notSortable: (type: ScalarType, span: Span) =>
    error('KQL2028', `Values of type ${type} cannot be ordered.`, span),
  mixedTypes: (what: string, a: ScalarType, b: ScalarType, span: Span) =>
    error('KQL2029', `${what} mixes ${a} and ${b}.`, span),
  unsupportedFunction: (name: string, span: Span) =>
    error('KQL2030', `'${name}' is a Kusto function openpivot does not support.`, span),
  constantRequired: (fn: string, index: number, span: Span) =>
    error('KQL2031', `${fn}(): argument ${index + 1} must be a constant: an expression that reads no column.`, span),
  literalRequired: (fn: string, index: number, span: Span) =>
    error('KQL2032', `${fn}(): argument ${index + 1} must be a string literal.`, span),
  arrayRequired: (fn: string, index: number, got: string, span: Span) =>
    error('KQL2033', `${fn}(): argument ${index + 1} must be a dynamic array, not a dynamic ${got === 'bag' ? 'property bag' : 'scalar'}.`, span),
  bagRequired: (fn: string, index: number, got: string, span: Span) =>
    error('KQL2034', `${fn}(): argument ${index + 1} must be a dynamic property bag, not a dynamic ${got === 'array' ? 'array' : 'scalar'}.`, span),
  elementAccess: (got: ScalarType, span: Span) =>
    error('KQL2035', `The element access operator [] applies to dynamic values only, not to ${got}.`, span),
  ignoredParameter: (name: string, span: Span) =>
    warning('KQL2901', `The parameter '${name}' is accepted and has no effect here.`, span),
};
