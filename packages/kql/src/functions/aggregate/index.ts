import type { AggregateFunction } from '../function-types.js';
import { ARG_MAX, ARG_MIN } from './arg-max.js';
import { AVG, AVGIF } from './avg.js';
import { COUNT, COUNTIF } from './count.js';
import { COUNT_DISTINCT, COUNT_DISTINCTIF, DCOUNT, DCOUNTIF } from './dcount.js';
import { MAKE_LIST, MAKE_LIST_IF } from './make-list.js';
import { MAKE_SET, MAKE_SET_IF } from './make-set.js';
import { MAX, MAXIF, MIN, MINIF } from './min-max.js';
import { PERCENTILE, PERCENTILES } from './percentile.js';
import { STDEV, STDEVIF, VARIANCE, VARIANCEIF } from './stdev-variance.js';
import { SUM, SUMIF } from './sum.js';
import { ANY, ANYIF, TAKE_ANY, TAKE_ANYIF } from './take-any.js';

/*
 * Default column names, as the official Kusto binder gives them (checked with
 * scripts/kusto-schema.cjs against `datatable(x:long, y:real, s:string, b:bool, …)`).
 * "<arg>" is the column name of a plain column argument, and "" when the argument is an
 * expression (`sum(x+1)` → `sum_`). Clashes are de-duplicated by the binder with a digit suffix
 * (`x1`, `list_x1`, `count_1`, `percentile_x_501`).
 *
 * Two rules for the binder:
 *  A. No `outputs`: one column named `<namePrefix ?? name>_<arg0>` (`count()` → `count_`,
 *     `countif(b)` → `countif_b`, `dcount(x, 2)` → `dcount_x`, `sumif(x, b)` → `sumif_x`),
 *     and result() returns a single value.
 *  B. With `outputs`: the columns are exactly outputs(args, argNames), and result() ALWAYS returns
 *     an array with one value per output, even when there is one output (percentile, take_any(x)).
 *     An output named '' means "no derived name": the binder numbers it `Column1`, `Column2`…
 *
 * | call                      | rule | columns (kusto dialect)                                  |
 * |---------------------------|------|----------------------------------------------------------|
 * | count()                   | A    | count_                                                   |
 * | countif(p)                | A    | countif_<p>  (countif(b) → countif_b, countif(x>1) → countif_) |
 * | dcount / dcountif         | A    | dcount_<x> / dcountif_<x>                                |
 * | count_distinct(if)        | A    | count_distinct_<x> / count_distinctif_<x>                |
 * | sum / sumif               | A    | sum_<x> / sumif_<x>                                      |
 * | avg / avgif               | A    | avg_<x> / avgif_<x>                                      |
 * | min / max / minif / maxif | A    | min_<x> / max_<x> / minif_<x> / maxif_<x>                |
 * | stdev(if) / variance(if)  | A    | stdev_<x> / stdevif_<x> / variance_<x> / varianceif_<x>  |
 * | make_list / make_list_if  | A    | list_<x>  (namePrefix 'list')                            |
 * | make_set / make_set_if    | A    | set_<x>   (namePrefix 'set')                             |
 * | anyif(x, p)               | A    | anyif_<x>                                                |
 * | percentile(x, 50)         | B    | percentile_<x>_50; 99.9 → percentile_x_99_9; expr → percentile__50 |
 * | percentiles(x, 5, 95)     | B    | percentile_<x>_5, percentile_<x>_95                      |
 * | arg_max(x, y, z+1)        | B    | x, y, max_x_arg2; arg_max(x+1, y) → max_, y; arg_min → min_… |
 * | arg_max(x, *)             | B    | x, then every input column (binder expands `*`)          |
 * | take_any(x, y+1)          | B    | x, any_arg1  (take_any(x+1) → any_arg0)                  |
 * | any(x, y+1)               | B    | any_x, any_   (the deprecated alias prefixes every column) |
 * | take_anyif(x, p)          | B    | x; an expression → '' (official: Column1)                |
 *
 * A name the user gives (`m = arg_max(x, y)`) replaces the first output only (→ m, y);
 * `(m, n) = arg_max(x, y)` replaces the first two. `p = percentiles(x, 5, 10)` → p, percentile_x_10.
 *
 * Result types: sum of int/long → long, of real → real, of timespan/datetime → same; avg of numbers →
 * real, of timespan/datetime → same; percentile of int → long, else the input type; stdev/variance
 * → real; count/dcount → long; make_* → dynamic; min/max/arg_max/arg_min/take_any keep their argument types.
 *
 * Empty groups (or only nulls): count/sum/dcount/stdev/variance → 0 (sum of datetime → null),
 * make_* → [], everything else → null ("" for string-typed results).
 */
export const AGGREGATE_FUNCTIONS: readonly AggregateFunction[] = [
  COUNT, COUNTIF,
  DCOUNT, DCOUNTIF, COUNT_DISTINCT, COUNT_DISTINCTIF,
  SUM, SUMIF,
  AVG, AVGIF,
  MIN, MAX, MINIF, MAXIF,
  PERCENTILE, PERCENTILES,
  MAKE_LIST, MAKE_LIST_IF, MAKE_SET, MAKE_SET_IF,
  ARG_MAX, ARG_MIN,
  TAKE_ANY, ANY, TAKE_ANYIF, ANYIF,
  STDEV, STDEVIF, VARIANCE, VARIANCEIF,
];
