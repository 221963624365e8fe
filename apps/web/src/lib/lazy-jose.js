// What @logto/client takes from `jose` (see lazyJose in vite.config.ts), fetched at its first use: the ID
// token is verified once, on the way back from sign-in, so the first screen does not carry a JWT library.
const jose = () => import('jose');

export const jwtVerify = async (...args) => (await jose()).jwtVerify(...args);

export const createRemoteJWKSet = (...args) => {
  let keySet;
  return async (...keyArgs) => {
    keySet ??= (await jose()).createRemoteJWKSet(...args);
    return keySet(...keyArgs);
  };
};
