import { setupServer } from 'msw/node';

/** The one MSW server of the unit tests; a test adds the handlers it expects with `server.use(…)`. */
export const server = setupServer();

/** Where the unit tests' API client sends requests, so MSW can match absolute URLs. */
export const testApiUrl = 'http://api.test';
