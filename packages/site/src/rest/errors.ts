export { sendError, fieldDetails } from '@openpivot/server';
export { diagnosticDetails } from '@openpivot/protocol';
