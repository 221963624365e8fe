export { getClientCredentialsToken, type ClientCredentialsRequest } from './client-credentials.ts';
export {
  apiScopes,
  defaultResource,
  devClients,
  devRoles,
  devUsers,
  type ApiScope,
  type DevRole,
  type DevUser,
} from './constants.ts';
export { generateSigningKey } from './keys.ts';
export { startDevLogto, type DevLogto, type DevLogtoOptions } from './server.ts';
