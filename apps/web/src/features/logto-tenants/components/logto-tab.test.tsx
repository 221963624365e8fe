import type { Connector } from '@smsdesk/shared/schemas/connectors';
import type { Drift, LogtoTenant } from '@smsdesk/shared/schemas/logto-tenants';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../lib/api-client.ts';
import { server, testApiUrl } from '../../../test/server.ts';
import { LogtoTab } from './logto-tab.tsx';

const api = createApiClient({ baseUrl: testApiUrl, getAccessToken: async () => 'token' });
vi.mock('../../../lib/api-provider.tsx', () => ({ useApiClient: () => api }));
afterEach(cleanup);

const connector: Connector = {
  id: '0b6f1f5e-8d2c-4a57-bb7e-4f3c1a2d9e10',
  name: 'Mainland',
  accessKeyId: 'AKID1',
  hasAccessKeySecret: true,
  signName: 'smsdesk',
  region: 'ap-guangzhou',
  sdkAppId: '1400000001',
  international: false,
  templates: [],
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  version: 3,
};
const tenant: LogtoTenant = {
  id: '5a3c1e2f-1111-4a57-bb7e-4f3c1a2d9e10',
  name: 'Dev tenant',
  endpoint: 'http://localhost:3001',
  managementApiResource: 'https://default.logto.app/api',
  appId: 'smsdesk-mgmt',
  hasAppSecret: true,
  verifiedAt: null,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  version: 1,
};

function renderTab() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const element = (
    <QueryClientProvider client={queryClient}>
      <LogtoTab connector={connector} etag='W/"3"' canWrite canSend reason={null} />
    </QueryClientProvider>
  );
  render(<RouterProvider router={createMemoryRouter([{ path: '/', element }])} />);
}

describe('LogtoTab', () => {
  it('shows the drift per field, and pushes with the profile’s ETag after a confirmation with the replace warning', async () => {
    let drift: Drift = {
      inSync: false,
      differences: [
        { field: 'signName', smsdesk: 'smsdesk', logto: 'othersign' },
        { field: 'accessKeySecret', smsdesk: 'set', logto: 'different' },
        { field: 'templates.SignIn', smsdesk: '100001', logto: null },
      ],
    };
    const pushes: { ifMatch: string | null; body: unknown }[] = [];
    server.use(
      http.get(`${testApiUrl}/api/logto-tenants`, () => HttpResponse.json({ items: [tenant] })),
      http.get(`${testApiUrl}/api/logto-tenants/${tenant.id}/sms-connector`, () =>
        HttpResponse.json({
          present: true,
          factoryId: 'mock-short-message-service',
          logtoConnectorId: 'abc',
        }),
      ),
      http.get(`${testApiUrl}/api/connectors/${connector.id}/drift`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('tenantId')).toBe(tenant.id);
        return HttpResponse.json(drift);
      }),
      http.post(`${testApiUrl}/api/connectors/${connector.id}/push`, async ({ request }) => {
        pushes.push({ ifMatch: request.headers.get('if-match'), body: await request.json() });
        drift = { inSync: true, differences: [] };
        return HttpResponse.json({ logtoConnectorId: 'newid', action: 'created', drift });
      }),
    );
    renderTab();

    const table = await screen.findByRole('table', { name: 'This profile and Logto' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]?.textContent).toContain('othersign');
    expect(rows[1]?.textContent).toContain('different');
    // The secret is never a value: only "different".
    expect(rows[2]?.textContent).toBe('accessKeySecretsetdifferentdifferent');
    expect(rows[3]?.textContent).toContain('only in smsdesk');
    expect(screen.getByText('3 differences with Logto')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('mock-short-message-service');

    fireEvent.click(screen.getByRole('button', { name: 'Push to Logto' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('alert').textContent).toContain('Replace mock-short-message-service');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replace and push' }));

    expect((await screen.findByText(/Pushed: Logto created connector newid/)).textContent).toBeTruthy();
    expect(pushes).toEqual([{ ifMatch: 'W/"3"', body: { tenantId: tenant.id, replaceExisting: true } }]);
    expect(await screen.findByText('In sync: Logto runs exactly this profile.')).toBeTruthy();
  });

  it('sends a live code through the tenant as Generic and verifies it', async () => {
    const sends: unknown[] = [];
    server.use(
      http.get(`${testApiUrl}/api/logto-tenants`, () => HttpResponse.json({ items: [tenant] })),
      http.get(`${testApiUrl}/api/logto-tenants/${tenant.id}/sms-connector`, () =>
        HttpResponse.json({ present: false }),
      ),
      http.get(`${testApiUrl}/api/connectors/${connector.id}/drift`, () =>
        HttpResponse.json({ inSync: true, differences: [] }),
      ),
      http.post(`${testApiUrl}/api/connectors/${connector.id}/test-sends`, async ({ request }) => {
        sends.push(await request.json());
        return HttpResponse.json(
          {
            id: '7d1f0c5e-2b8a-4c1e-9a53-3c2f6d1b0a11',
            connectorId: connector.id,
            status: 'sent',
            usageType: 'Generic',
            templateCode: '100004',
            phoneNumberMasked: '+86 138****8000',
            mode: 'logto-live',
            tencent: { code: 'Ok', message: 'sent', serialNo: null, fee: null, requestId: null },
            verified: false,
            verifyAttemptsLeft: 5,
            codeExpiresAt: new Date().toISOString(),
            delivery: { status: 'pending', description: null, receivedAt: null },
            actor: 'admin',
            createdAt: new Date().toISOString(),
            logto: { tenantId: tenant.id, liveConnectorInSync: false },
          },
          { status: 201 },
        );
      }),
      http.post(`${testApiUrl}/api/test-sends/:id/verify`, () => HttpResponse.json({ verified: true })),
    );
    renderTab();
    fireEvent.change(await screen.findByLabelText('Phone number'), { target: { value: '+8613800138000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send through Logto' }));
    expect(await screen.findByText('Logto sent it to +86 138****8000.')).toBeTruthy();
    expect(screen.getByText(/does not match this profile/)).toBeTruthy();
    expect(sends).toEqual([
      { tenantId: tenant.id, mode: 'logto-live', phoneNumber: '+8613800138000', usageType: 'Generic' },
    ]);
    fireEvent.change(screen.getByLabelText('Code from the phone'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Verified: the code reached the phone.')).toBeTruthy();
  });
});
