/** One-paragraph usage of each command: kept apart so `--help` loads no command. */
export const EVAL_USAGE = `openpivot eval '<query>' [--format table|json|csv] [--dialect cmpivot|kusto] [--now <datetime>]
  Runs a self-contained query (datatable, print, range, let) with no server.
  --now fixes the clock for now() and ago() (default: the real time).`;

export const START_USAGE = `openpivot start [--data DIR] [--port N]
  Starts a site on its embedded defaults (SQLite under ./.openpivot, port 8080) and an agent for
  this machine, enrolled with it. What \`npm start\` runs.`;

export const CONSOLE_USAGE = `openpivot console [--dialect cmpivot|kusto]
  A query console with no server: one query per line (datatable, print, range, let), answered as a table.`;

export const SITE_USAGE = `openpivot site [--data DIR] [--port N] [--host H] [--database URL] [--nats URL] [--node-id ID] [--retention-days N] [--disconnect-grace 15s] [--tls-cert F --tls-key F]
  Runs the site server (defaults: ./.openpivot/site, port 8080). First start creates user "admin";
  its password is OPENPIVOT_ADMIN_PASSWORD if set, otherwise generated and printed once.
  --disconnect-grace: how long a device that drops mid-query has to come back before it is failed.
  --tls-cert/--tls-key: PEM files; the site then serves https and wss (agents trust it through NODE_EXTRA_CA_CERTS or a public CA).
openpivot site enroll-token [--data DIR|--database URL] [--expires 24h] [--uses N]
  Prints one enrollment token, alone (one use unless --uses).
openpivot site user add NAME --role ROLE [--collection ID[,ID…]] [--data DIR|--database URL]
  Adds an admin user; password from OPENPIVOT_PASSWORD if set, otherwise generated and printed.`;

export const AGENT_USAGE = `openpivot agent --site URL --token TOKEN [--data DIR]
  Enrolls this device once with the token, then stays connected and answers queries.
openpivot agent --simulate N --site URL --token TOKEN [--data DIR] [--seed S]
  Runs N simulated devices in this process (the token needs N uses: enroll-token --uses N).`;

export const RUN_USAGE = `openpivot run '<query>' [--format table|json|csv] [--dialect cmpivot|kusto] [--timeout <seconds>] [--policy <file.json>]
  Runs a query on this device, with no server (CMPivot standalone's "This PC").
  --policy adds paths that File and FileContent may not read: {"deny": ["/srv/keys/**"], "allow": []}.`;

export const ENTITIES_USAGE = `openpivot entities [NAME]
  Lists the entities a query can read, or one entity's parameters, columns and examples.`;

export const CHECK_USAGE = `openpivot check ['<query>' | --file F.kql | -] [--dialect cmpivot|kusto] [--platform windows|linux|any] [--format text|json]
  Parses and binds queries against the entities (default --platform any: every entity) without running them;
  prints each diagnostic as \`error KQLnnnn at LINE:COL: message\` and exits 2 when any query has an error.
  The input (- is standard input) may hold several queries, each judged alone: outside strings, comments and
  brackets, a \`;\` or a blank line ends a query, except that a \`;\` only closes a \`let\` (or \`set\`, \`declare\`)
  statement, a \`let\` statement runs to its \`;\`, and a blank line followed by \`|\` continues the query.
  --format json: {"diagnostics":[…],"columns":[…],"entities":[…]}, or {"queries":[{"line":N,…}]} for several.`;
