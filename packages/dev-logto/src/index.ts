export { getClientCredentialsToken, type ClientCredentialsRequest } from './client-credentials.ts';
export {
  apiScopes,
  defaultResource,
  devClients,
  devOrganization,
  devRoles,
  devUsers,
  managementApiResource,
  managementApiScope,
  type ApiScope,
  type DevRole,
  type DevUser,
} from './constants.ts';
export { generateSigningKey } from './keys.ts';
export { startDevLogto, type DevLogto, type DevLogtoOptions } from './server.ts';
export type { LogtoErrorBody } from './management/errors.ts';
export { otherSmsFactoryId, tencentFactoryId } from './management/factories.ts';
