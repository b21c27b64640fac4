import { OPERATOR_KEYWORDS } from '../parser/parse.js';

/** A fixed word an editor offers: label, one doc line, and what to insert when it differs from the label. */
export interface Word {
  readonly label: string;
  readonly doc: string;
  readonly insertText?: string;
}

const w = (label: string, doc: string, insertText?: string): Word => (insertText === undefined ? { label, doc } : { label, doc, insertText });

/** One doc line per tabular operator, in the order editors list them after `|`. */
const OPERATOR_DOCS: readonly Word[] = [
  w('where', 'Keeps the rows for which a predicate is true.'),
  w('project', 'Selects, renames and computes the output columns.'),
  w('project-away', 'Removes the named columns (wildcards allowed).'),
  w('project-keep', 'Keeps only the named columns (wildcards allowed), in their input order.'),
  w('project-rename', 'Renames columns: new = old.'),
  w('project-reorder', 'Moves the named columns to the front, in that order.'),
  w('extend', 'Adds computed columns, keeping all others.'),
  w('summarize', 'Groups rows and computes aggregates: summarize agg(...) by col.'),
  w('count', 'Returns one row holding the number of input rows.'),
  w('distinct', 'Returns the distinct combinations of the named columns.'),
  w('order by', 'Sorts the rows by one or more columns (descending by default).', 'order by '),
  w('sort by', 'Sorts the rows by one or more columns (descending by default).', 'sort by '),
  w('top', 'The first N rows by a sort order: top N by col.'),
  w('take', 'Returns up to N rows, in no particular order.'),
  w('limit', 'Alias of take: returns up to N rows.'),
  w('join', 'Joins with another table on key columns (kind=innerunique by default).'),
  w('union', 'Appends the rows of other tables.'),
  w('mv-expand', 'Expands a dynamic array or bag into one row per element.'),
  w('parse', 'Extracts columns from a string by a pattern: parse col with "text" name:type ...'),
  w('render', 'Shows the result as a chart: render barchart, piechart, timechart ...'),
  w('serialize', 'Marks the row order as fixed, so later operators may rely on it.'),
];

/** Aliases that would only crowd the list; typing them still works. */
const HIDDEN_ALIASES = new Set(['filter', 'mvexpand', 'order', 'sort']);

/** Every operator the parser knows, documented ones first; an undocumented newcomer still shows up. */
export const OPERATORS: readonly Word[] = [
  ...OPERATOR_DOCS,
  ...OPERATOR_KEYWORDS
    .filter((k) => !HIDDEN_ALIASES.has(k) && !OPERATOR_DOCS.some((d) => d.label === k))
    .map((k) => w(k, `The ${k} operator.`)),
];

export const STATEMENT_KEYWORDS: readonly Word[] = [
  w('let', 'Binds a name to a value or a table: let name = expr;'),
];

export const SOURCE_KEYWORDS: readonly Word[] = [
  w('datatable', 'An inline table: datatable(col:type, ...)[values...]'),
  w('print', 'A one-row table of computed values: print x = 1'),
  w('range', 'A one-column table of a series: range x from 1 to 10 step 1'),
  w('union', 'The rows of several tables: union T1, (T2 | where ...)'),
];

export const CHART_KINDS: readonly Word[] = [
  w('barchart', 'Horizontal bars: first column on the y axis, numbers on the x axis.'),
  w('columnchart', 'Vertical columns: first column on the x axis, numbers on the y axis.'),
  w('piechart', 'A pie: first column names the slices, the first number sizes them.'),
  w('timechart', 'A line chart over a datetime x axis.'),
  w('linechart', 'A line chart: first column on the x axis.'),
  w('areachart', 'An area chart: first column on the x axis.'),
  w('stackedareachart', 'A stacked area chart.'),
  w('scatterchart', 'A scatter chart: points by the first two numeric columns.'),
  w('anomalychart', 'A time chart that marks anomalies.'),
  w('card', 'A single value.'),
  w('ladderchart', 'Intervals on a time axis.'),
  w('pivotchart', 'A pivot table.'),
  w('table', 'The rows as a table (the default).'),
  w('timepivot', 'Events on a time line, grouped.'),
  w('treemap', 'Nested rectangles sized by a number.'),
];

export const RENDER_PROPS: readonly Word[] = [
  w('kind', 'Chart variant: default, stacked, stacked100, unstacked.', 'kind='),
  w('title', 'The chart title.', 'title='),
  w('xtitle', 'The x axis title.', 'xtitle='),
  w('ytitle', 'The y axis title.', 'ytitle='),
  w('xcolumn', 'The column on the x axis.', 'xcolumn='),
  w('ycolumns', 'The columns on the y axis.', 'ycolumns='),
  w('series', 'The columns that split the data into series.', 'series='),
  w('legend', 'visible or hidden.', 'legend='),
];

export const RENDER_KINDS: readonly Word[] = [
  w('default', 'The chart kind\'s default layout.'),
  w('stacked', 'Series stacked on each other.'),
  w('stacked100', 'Series stacked to 100%.'),
  w('unstacked', 'Series side by side.'),
];

export const JOIN_KINDS: readonly Word[] = [
  w('innerunique', 'Inner join after removing duplicate keys on the left (the default).'),
  w('inner', 'Every matching pair of left and right rows.'),
  w('leftouter', 'Every left row, with right columns where a match exists.'),
  w('rightouter', 'Every right row, with left columns where a match exists.'),
  w('fullouter', 'Every row of both sides, matched where possible.'),
  w('leftanti', 'Left rows with no match on the right.'),
  w('rightanti', 'Right rows with no match on the left.'),
  w('leftsemi', 'Left rows that have a match on the right (left columns only).'),
  w('rightsemi', 'Right rows that have a match on the left (right columns only).'),
];

export const KIND_PARAM: Word = w('kind=', 'Chooses the variant of the operator.', 'kind=');
export const WITH_PARENS: Word = w('with', 'Chart properties: with (title="...", kind=stacked)', 'with (');

export const UNION_KINDS: readonly Word[] = [
  w('outer', 'All columns of every table (the default).'),
  w('inner', 'Only the columns every table has.'),
];

export const PARSE_KINDS: readonly Word[] = [
  w('simple', 'Text parts match literally; columns must convert (the default).'),
  w('regex', 'Text parts are regular expressions.'),
  w('relaxed', 'Like simple, but values that do not convert become null.'),
];

export const SORT_WORDS: readonly Word[] = [
  w('asc', 'Ascending order.'),
  w('desc', 'Descending order (the default).'),
  w('nulls first', 'Null values first.', 'nulls first'),
  w('nulls last', 'Null values last.', 'nulls last'),
];

export const NULLS_WORDS: readonly Word[] = [
  w('first', 'Null values first.'),
  w('last', 'Null values last.'),
];

export const JOIN_SIDES: readonly Word[] = [
  w('$left', 'The left side of the join: $left.Column', '$left.'),
  w('$right', 'The right side of the join: $right.Column', '$right.'),
];

/** Infix words that may follow a complete operand in an expression. */
export const INFIX_WORDS: readonly Word[] = [
  w('and', 'Both predicates are true.'),
  w('or', 'Either predicate is true.'),
  w('has', 'Contains a whole term, ignoring case.'),
  w('!has', 'Does not contain the whole term.'),
  w('contains', 'Contains the substring, ignoring case.'),
  w('!contains', 'Does not contain the substring.'),
  w('startswith', 'Starts with the text, ignoring case.'),
  w('!startswith', 'Does not start with the text.'),
  w('endswith', 'Ends with the text, ignoring case.'),
  w('!endswith', 'Does not end with the text.'),
  w('hasprefix', 'Has a term starting with the text.'),
  w('hassuffix', 'Has a term ending with the text.'),
  w('has_cs', 'Contains a whole term, case-sensitive.'),
  w('contains_cs', 'Contains the substring, case-sensitive.'),
  w('startswith_cs', 'Starts with the text, case-sensitive.'),
  w('endswith_cs', 'Ends with the text, case-sensitive.'),
  w('in', 'Equals one of the listed values: in (a, b).', 'in ('),
  w('!in', 'Equals none of the listed values.', '!in ('),
  w('in~', 'Equals one of the values, ignoring case.', 'in~ ('),
  w('between', 'Lies in a closed range: between (a .. b).', 'between ('),
  w('like', 'Matches a SQL-style pattern.'),
  w('matches regex', 'Matches a regular expression.', 'matches regex '),
];

/** Words that never end an operand: after them an expression still has to come. */
export const NON_OPERAND_WORDS: ReadonlySet<string> = new Set([
  ...INFIX_WORDS.map((x) => x.label), 'not', 'matches', 'regex', 'by', 'on', 'with', 'to', 'from', 'step',
  'hasprefix_cs', 'hassuffix_cs', '!has_cs', '!contains_cs', '!startswith_cs', '!endswith_cs', '!hasprefix', '!hassuffix',
  '!in~', '!between', '!like',
]);
