import { devLogtoConnectorConfig } from '@smsdesk/tencent-sms-emulator';
import { describe, expect, it } from 'vitest';
import { defaultResource, devClients, devUsers, tencentFactoryId } from '../src/index.ts';
import { authorizeUrl, CookieJar, follow, pkcePair } from '../src/testing.ts';
import { useLogtoWithEmulator } from './helpers.ts';

const suite = useLogtoWithEmulator();
const spa = devClients.spa;

async function removeConnectors() {
  for (const { id } of (await suite.api('/api/connectors')).json as { id: string }[]) {
    expect((await suite.api(`/api/connectors/${id}`, undefined, 'DELETE')).status).toBe(204);
  }
}

async function pushConnector() {
  await removeConnectors();
  const res = await suite.api('/api/connectors', {
    connectorId: tencentFactoryId,
    config: devLogtoConnectorConfig(),
  });
  expect(res.status).toBe(200);
}

/** Opens the sign-in page of an authorization request, as the SPA's redirect would. */
async function openSignIn(uiLocales?: string) {
  const jar = new CookieJar();
  const url = new URL(
    authorizeUrl({
      issuer: suite.logto.issuer,
      clientId: spa.clientId,
      redirectUri: spa.redirectUris[0],
      scope: 'openid offline_access profile read:connectors',
      resource: defaultResource,
      challenge: pkcePair().challenge,
    }),
  );
  if (uiLocales) url.searchParams.set('ui_locales', uiLocales);
  const page = await follow(jar, url.href);
  const uid = /\/interaction\/([\w-]+)\/phone\/send/.exec(page.body)?.[1];
  if (!uid) throw new Error(`no phone form: ${page.body.slice(0, 300)}`);
  return { jar, base: new URL(page.response.url).origin, uid };
}

const post = (jar: CookieJar, url: string, form: Record<string, string>) =>
  follow(jar, url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });

describe('phone number sign-in through the tenant’s Tencent connector', () => {
  it('sends a SignIn code with the real connector, and the code from the inbox signs the admin in', async () => {
    await pushConnector();
    const { jar, base, uid } = await openSignIn();
    const sent = await post(jar, `${base}/interaction/${uid}/phone/send`, { phone: '+86 139 0013 9000' });
    expect(sent.response.status).toBe(200);
    expect(sent.body).toContain('Enter the verification code');
    const [message] = suite.emulator.messages(`+${devUsers.admin.phone}`);
    // What Logto sends: the SignIn template, [code] only, the number without +.
    expect(message).toMatchObject({ templateId: '100001', phoneNumber: devUsers.admin.phone });
    expect(message?.params).toHaveLength(1);

    const wrong = await post(jar, `${base}/interaction/${uid}/phone/verify`, {
      phone: devUsers.admin.phone,
      code: message?.params[0] === '000000' ? '111111' : '000000',
    });
    expect(wrong.response.status).toBe(401);
    expect(wrong.body).toContain('Invalid verification code.');

    const done = await post(jar, `${base}/interaction/${uid}/phone/verify`, {
      phone: devUsers.admin.phone,
      code: message?.params[0] ?? '',
    });
    expect(`${done.location?.origin}${done.location?.pathname}`).toBe(spa.redirectUris[0]);
    expect(done.location?.searchParams.get('code')).toBeTruthy();
  });

  it('passes the request’s ui_locales as Logto does: "fr en" becomes a second value, refused by a {1} template', async () => {
    await pushConnector();
    const { jar, base, uid } = await openSignIn('fr en');
    const sent = await post(jar, `${base}/interaction/${uid}/phone/send`, { phone: devUsers.admin.phone });
    expect(sent.response.status).toBe(400);
    expect(sent.body).toContain('FailedOperation.TemplateParamSetNotMatchApprovedTemplate');
    const params = suite.emulator
      .requests('SendSms')
      .map((r) => (r.params as { TemplateParamSet: string[] }).TemplateParamSet);
    expect(params).toHaveLength(1);
    expect(params[0]).toEqual([expect.stringMatching(/^\d{6}$/), 'fr en']);
  });

  it('refuses an unknown number without sending, and says when the tenant has no SMS connector', async () => {
    await removeConnectors();
    const { jar, base, uid } = await openSignIn();
    const noConnector = await post(jar, `${base}/interaction/${uid}/phone/send`, {
      phone: devUsers.viewer.phone,
    });
    expect(noConnector.response.status).toBe(400);
    expect(noConnector.body).toContain('Cannot find any available connector for type: Sms.');
    await pushConnector();
    const unknown = await post(jar, `${base}/interaction/${uid}/phone/send`, { phone: '+8613100000000' });
    expect(unknown.response.status).toBe(422);
    expect(unknown.body).toContain('No account has this phone number');
    expect(suite.emulator.requests('SendSms')).toEqual([]);
  });
});
