/** One-paragraph usage of each command: kept apart so `--help` loads no command. */
export const EVAL_USAGE = `openpivot eval '<query>' [--format table|json|csv] [--dialect cmpivot|kusto] [--now <datetime>]
  Runs a self-contained query (datatable, print, range, let) with no server.
  --now fixes the clock for now() and ago() (default: the real time).`;

export const START_USAGE = `openpivot start [--data DIR] [--port N] [--cloud-port N]
  What \`npm start\` runs: a cloud (port 8090), a site attached to it (port 8080) and an agent for this machine,
  enrolled in the site, in one process, with data under ./.openpivot. First start makes a tenant and the users
  admin@, helpdesk@ and readonly@openpivot.local (one per cloud role); passwords from OPENPIVOT_ADMIN_PASSWORD,
  OPENPIVOT_HELPDESK_PASSWORD, OPENPIVOT_READONLY_PASSWORD if set, otherwise generated and printed once.`;

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

export const CLOUD_USAGE = `openpivot cloud [--data DIR] [--port N] [--host H] [--database URL] [--nats URL] [--node-id ID] [--retention-days N] [--query-timeout 10m] [--result-limit 5MB]
    [--heartbeat 15s] [--public-url URL] [--oidc-issuer URL --oidc-client-id ID [--oidc-client-secret S]]
  Runs the cloud service of tenant attach (defaults: ./.openpivot/cloud, port 8090): attached sites dial it.
  With --oidc-issuer, cloud users may also sign in through that OpenID Connect provider (GET /auth/oidc/login);
  register URL/auth/oidc/callback there as the redirect URI, URL being --public-url (default http://127.0.0.1:PORT).
  The client secret may come from OPENPIVOT_OIDC_CLIENT_SECRET instead; without one the client is public (PKCE).
  --heartbeat: how often sites and this node say they are alive; a node silent for three heartbeats (it crashed)
  loses its sites to the other nodes on the same --database, which show their devices offline.
openpivot cloud tenant add NAME [--data DIR|--database URL]
  Prints the new tenant's id, alone.
openpivot cloud user add UPN --tenant ID --role ROLE [--data DIR|--database URL]
  ROLE: "Intune Administrator", "Help Desk Operator" or "Read Only Operator"; password from OPENPIVOT_PASSWORD
  if set, otherwise generated and printed.
openpivot cloud attach-code --tenant ID [--data DIR|--database URL]
  Prints one one-time attach code, alone (valid 24 hours): give it to \`openpivot site attach\`.`;
