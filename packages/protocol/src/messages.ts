/**
 * User-facing refusals and errors. Where CMPivot has a message for the situation, it is CMPivot's
 * (fact sheet §4.2, §7.2) so admins recognise it; the rest follow its tone.
 */
export const MESSAGES = {
  notAuthorized:
    "Not authorized to view query results. Verify that you've been given permissions for CMPivot in the openpivot site",
  sensitiveEntity: (entities: readonly string[]): string =>
    `Not authorized to view query results. The query reads ${entities.join(', ')}, which needs the Entity.Sensitive permission. Verify that you've been given permissions for CMPivot in the openpivot site`,
  authenticationRequired: 'Authentication is required: send Authorization: Basic (user:password) or Bearer (an API token).',
  authenticationFailed: 'The user name, password or token is not valid.',
  notAllowed: (permission: string): string => `You don't have the ${permission} permission needed for this request.`,
  deviceNotFound: (id: string): string => `Device ${id} was not found.`,
  collectionNotFound: (id: string): string => `Collection '${id}' was not found.`,
  operationNotFound: (id: string): string => `Operation ${id} was not found.`,
  resultNotReady: (id: string | number): string => `The results of operation ${id} are not ready yet. Retry in a few seconds.`,
  queryTooLarge: 'The request body is larger than 1 MB.',
  resultTooLarge: 'The query result is too large, retry with additional filters',
  // Tenant attach (fact sheet §4.2, §7.2), with openpivot's names for Microsoft's.
  cloudUserNotMapped:
    'Unable to get device information. Make sure the site has a user whose name or UPN is your cloud sign-in name. Verify that the user has proper permissions in the openpivot site.',
  cloudRoleMissing: "You don't have access to view this information. Make sure a proper user role is assigned from the openpivot cloud.",
  siteNotConnected: (site: string): string => `The site ${site} that manages this device is not connected to the cloud. Check its connector (openpivot site attach) and try again.`,
  cloudQueryTimedOut: 'Getting results timed out. Make sure the openpivot site connector is operational and has a connection to the cloud.',
  attachCodeInvalid: 'The attach code is not valid: it is unknown, expired or already used.',
} as const;

/** Error codes carried in REST error bodies (`error.code`) and on the agent channel. */
export const ERROR_CODES = [
  'BadRequest', 'InvalidQuery', 'Unauthorized', 'Forbidden', 'NotFound', 'NotReady', 'Conflict',
  'PayloadTooLarge', 'UnsupportedMediaType', 'InternalError', 'Unavailable',
  // tenant attach: the cloud's own refusals, and the site's answers relayed
  'RoleMissing', 'UserNotMapped', 'SiteNotConnected', 'TimedOut', 'ResultTooLarge',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
