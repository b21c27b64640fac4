import type { FastifyInstance } from 'fastify';
import { ROUTES, PATH_PARAMS, QUERY_PARAMS, type RouteDoc } from './admin/api-routes.js';
import { componentSchemas } from './admin/api-schemas.js';

const ERROR_RESPONSES: Readonly<Record<number, string>> = {
  400: 'The body or a query option is not valid: `error.details` names each field (`target`).',
  401: 'No credentials, or wrong ones (answered with WWW-Authenticate: Basic).',
  403: 'A permission is missing: the message names it.',
  404: 'No such resource, or one you may not see.',
  409: 'A conflict: a duplicate name, a built-in object, or a change that would leave no Site.Admin.',
  500: 'The site failed to answer; the error is in its log under the request id.',
};

function operationOf(route: RouteDoc): Record<string, unknown> {
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const parameters = [
    ...pathParams.map((name) => ({ name, in: 'path', required: true, ...PATH_PARAMS[name]! })),
    ...(route.query ?? []).map((name) => ({ name, in: 'query', required: name === '$filter', ...QUERY_PARAMS[name]! })),
  ];
  const [status, schema, description] = route.ok;
  const success = schema === null
    ? route.stream ? { description, content: { 'text/event-stream': { schema: { type: 'string' } } } } : { description }
    : { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } };
  const errors = route.open ? route.errors : [401, ...route.errors];
  return {
    tags: [route.tag],
    summary: route.summary,
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+/g, '_')}`,
    ...(route.permission ? { description: `Needs ${route.permission}.`, 'x-openpivot-permission': route.permission } : {}),
    ...(route.open ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${route.body}` } } } } } : {}),
    responses: {
      [String(status)]: success,
      ...Object.fromEntries(errors.map((code) => [String(code), { $ref: `#/components/responses/E${code}` }])),
    },
  };
}

/**
 * The site's API as OpenAPI 3.1: every route (CMPivot, operations, devices, administration), the
 * request bodies from the protocol's zod schemas, the one error shape, and both ways to sign in.
 */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) (paths[route.path] ??= {})[route.method] = operationOf(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'openpivot site',
      version: '1.0',
      description:
        'AdminService-shaped REST API of an openpivot site: run CMPivot queries on devices and collections, follow ' +
        'operations, and administer collections, users, roles, API tokens and the audit trail. Keys go in OData ' +
        "parentheses (`Collections('SMS00001')`, `Device(16777217)`); the plain `/Collections/SMS00001` form works too. " +
        'Agents connect separately, over a WebSocket at /agent, which this document does not describe.',
    },
    servers: [{ url: '/' }],
    security: [{ basic: [] }, { bearer: [] }],
    tags: ['CMPivot', 'Operations', 'Devices', 'Collections', 'Users', 'Roles', 'Me', 'Favorites', 'Audit', 'Meta'].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        basic: { type: 'http', scheme: 'basic', description: 'A site user name and password.' },
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token made with POST /AdminService/v1.0/Me/ApiTokens.' },
      },
      schemas: componentSchemas(),
      responses: Object.fromEntries(Object.entries(ERROR_RESPONSES).map(([code, description]) => [
        `E${code}`,
        { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } },
      ])),
    },
  };
}

/** `GET /openapi.json`, outside /AdminService so it needs no credentials (tools fetch it first). */
export function registerOpenApiRoute(app: FastifyInstance): void {
  let cached: string | null = null;
  app.get('/openapi.json', async (_req, reply) => {
    cached ??= JSON.stringify(openApiDocument());
    return reply.type('application/json').send(cached);
  });
}
