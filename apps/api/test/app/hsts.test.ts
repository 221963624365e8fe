import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../helpers/config.ts';

// Issue 16, decide and document: HSTS only when smsdesk is served over https.
describe('Strict-Transport-Security', () => {
  const apps: Array<Awaited<ReturnType<typeof buildApp>>> = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  it.each([
    ['http://localhost:3000', undefined],
    ['https://smsdesk.example', 'max-age=31536000; includeSubDomains'],
  ])('with BASE_URL %s it is %s', async (baseUrl, expected) => {
    const app = await buildApp(testConfig({ BASE_URL: baseUrl }));
    apps.push(app);
    const res = await app.inject({ url: '/health' });
    expect(res.headers['strict-transport-security']).toBe(expected);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
