/** One-paragraph usage of each command: kept apart so `--help` loads no command. */
export const EVAL_USAGE = `openpivot eval '<query>' [--format table|json|csv] [--dialect cmpivot|kusto] [--now <datetime>]
  Runs a self-contained query (datatable, print, range, let) with no server.
  --now fixes the clock for now() and ago() (default: the real time).`;

export const START_USAGE = `openpivot start [--dialect cmpivot|kusto]
  Starts openpivot on its embedded defaults. Until the site server lands, this is the query
  console: one query per line (datatable, print, range, let), answered as a table.`;

export const RUN_USAGE = `openpivot run '<query>' [--format table|json|csv] [--dialect cmpivot|kusto] [--timeout <seconds>] [--policy <file.json>]
  Runs a query on this device, with no server (CMPivot standalone's "This PC").
  --policy adds paths that File and FileContent may not read: {"deny": ["/srv/keys/**"], "allow": []}.`;

export const ENTITIES_USAGE = `openpivot entities [NAME]
  Lists the entities a query can read, or one entity's parameters, columns and examples.`;
