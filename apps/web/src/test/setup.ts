// Every unit test: the real catalogs in English, and MSW in front of the network. A request no test
// handler expects fails the test (`onUnhandledRequest: 'error'` refuses it; afterEach then fails), instead
// of being answered with a made-up 404.
import { configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { i18n, loadAllCatalogs } from '../app/i18n.ts';
import { server } from './server.ts';

await i18n.changeLanguage('en');
await loadAllCatalogs();

// findBy…/waitFor give up after 1 s by default: too short when the machine is busy.
configure({ asyncUtilTimeout: 5000 });

const unhandled: string[] = [];
server.events.on('request:unhandled', ({ request }) => {
  unhandled.push(`${request.method} ${request.url}`);
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  const seen = unhandled.splice(0);
  expect(seen, 'requests no handler expected').toEqual([]);
});
afterAll(() => server.close());
