import { type TencentSmsEmulator, startTencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devConnectorBody, logtoJsonOf } from '../fixtures/connectors.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { startTestStack, type TestStack } from '../helpers/stack.ts';

// Issue 16, item 7: PostgreSQL refused NUL with a 500; a lone surrogate cannot be stored as sent either.
const bad = {
  nul: 'a\u0000b',
  loneHigh: 'a\uD800b',
  loneLow: '\uDC00tail',
};

interface RefusalBody {
  error: { code: string; details: { fields: Array<{ field: string; rule: string; message: string }> } };
}

describe.each(databaseKinds)('unstorable text on %s', (kind) => {
  let emu: TencentSmsEmulator;
  let stack: TestStack;
  let admin: { authorization: string };
  let count = 0;

  beforeAll(async () => {
    emu = await startTencentSmsEmulator({ port: 0, reviewDelayMs: null, limits: false });
    stack = await startTestStack(kind, { TENCENT_SMS_ENDPOINT: emu.url });
    admin = await stack.auth();
  });
  afterAll(async () => {
    await stack?.close();
    await emu?.close();
  });

  async function send(method: string, url: string, payload?: unknown) {
    // A raw JSON body: `\u0000` and a lone `\ud800` arrive exactly as a client can send them.
    return stack.app.inject({
      method: method as 'POST',
      url,
      headers: { ...admin, 'content-type': 'application/json' },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });
  }

  function expectTextRefusal(res: { statusCode: number; json: () => RefusalBody }, field: string) {
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.fields).toContainEqual({
      field,
      rule: 'text',
      message: expect.stringContaining('NUL'),
    });
  }

  it.each(Object.entries(bad))('refuses a connector name and description with %s', async (_label, text) => {
    const name = await send('POST', '/api/connectors', {
      ...devConnectorBody(`T${++count}`),
      name: `n${text}`,
    });
    expectTextRefusal(name, 'body.name');
    const description = await send('POST', '/api/connectors', {
      ...devConnectorBody(`T${++count}`),
      description: text,
    });
    expectTextRefusal(description, 'body.description');
  });

  it.each(Object.entries(bad))('refuses an import whose Logto JSON holds %s', async (_label, text) => {
    const config = { ...logtoJsonOf(devConnectorBody('x')), signName: `s${text}` };
    const res = await send('POST', '/api/connectors/import', { name: `Import ${++count}`, config });
    expectTextRefusal(res, 'body.config.signName');
  });

  it.each(Object.entries(bad))(
    'refuses a template name with %s, without asking Tencent',
    async (_label, text) => {
      const created = await send('POST', '/api/connectors', devConnectorBody(`T${++count}`));
      expect(created.statusCode).toBe(201);
      const before = emu.requests('AddSmsTemplate').length;
      const res = await send('POST', `/api/connectors/${created.json().id}/templates`, {
        name: `t${text}`,
        content: 'Your code is {1}.',
      });
      expectTextRefusal(res, 'body.name');
      expect(emu.requests('AddSmsTemplate').length).toBe(before);
    },
  );

  it.each(['/api/audit-events', '/api/test-sends'])('refuses a cursor with NUL on %s', async (url) => {
    const raw = await send('GET', `${url}?cursor=${encodeURIComponent(bad.nul)}`);
    expectTextRefusal(raw, 'querystring.cursor');
    // A cursor that decodes to NUL is not one the API returned.
    const encoded = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'id\u0000'])).toString(
      'base64url',
    );
    const decoded = await send('GET', `${url}?cursor=${encoded}`);
    expect(decoded.statusCode).toBe(400);
    expect(decoded.json().error.details.fields[0]).toMatchObject({ field: 'querystring.cursor' });
  });

  it('still stores ordinary text, emoji (paired surrogates) and Chinese included', async () => {
    const res = await send('POST', '/api/connectors', {
      ...devConnectorBody(`T${++count}`),
      name: `短信 ${count} 😀`,
      description: '登录验证码 ✓',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: `短信 ${count} 😀`, description: '登录验证码 ✓' });
  });
});
