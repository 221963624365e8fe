import type { TestSend } from '@smsdesk/shared/schemas/test-sends';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import { createApiClient } from '../../../lib/api-client.ts';
import { server, testApiUrl } from '../../../test/server.ts';
import { phoneUsageHandler } from './phone-usage.fixture.ts';
import { TestSendsPanel } from './test-sends-panel.tsx';

// MSW behind the real client: the panel's requests, the delivery report arriving on the second poll.
const calls: { method: string; path: string; body: unknown }[] = [];
let reads = 0;
let verified = false;
let attemptsLeft = 3;
const sent: TestSend = {
  id: '7d1f0c5e-2b8a-4c1e-9a53-3c2f6d1b0a11',
  connectorId: '0b6f1f5e-8d2c-4a57-bb7e-4f3c1a2d9e10',
  status: 'sent',
  usageType: 'SignIn',
  templateCode: '100001',
  phoneNumberMasked: '+86 138****8001',
  mode: 'smsdesk',
  tencent: { code: 'Ok', message: 'send success', serialNo: '2645:1', fee: 1, requestId: 'req-1' },
  verified: false,
  verifyAttemptsLeft: 3,
  codeExpiresAt: new Date(Date.now() + 600_000).toISOString(),
  delivery: { status: 'pending', description: null, receivedAt: null },
  actor: 'admin',
  createdAt: new Date().toISOString(),
};

const api = createApiClient({ baseUrl: testApiUrl, getAccessToken: async () => 'token' });

function handlers() {
  const record = async (request: Request) => {
    const url = new URL(request.url);
    const text = await request.clone().text();
    calls.push({
      method: request.method,
      path: url.pathname + url.search,
      body: text ? JSON.parse(text) : undefined,
    });
  };
  return [
    phoneUsageHandler(),
    http.get(`${testApiUrl}/api/test-sends`, async ({ request }) => {
      await record(request);
      return HttpResponse.json({ items: [], nextCursor: null });
    }),
    http.post(`${testApiUrl}/api/connectors/:id/test-sends`, async ({ request }) => {
      await record(request);
      return HttpResponse.json(sent, { status: 201 });
    }),
    http.get(`${testApiUrl}/api/test-sends/${sent.id}`, async ({ request }) => {
      await record(request);
      reads += 1;
      const delivery =
        reads < 2
          ? sent.delivery
          : { status: 'delivered' as const, description: 'DELIVRD', receivedAt: new Date().toISOString() };
      return HttpResponse.json({ ...sent, delivery, verified, verifyAttemptsLeft: attemptsLeft });
    }),
    http.post(`${testApiUrl}/api/test-sends/${sent.id}/verify`, async ({ request }) => {
      await record(request);
      const body = (await request.json()) as { code: string };
      if (body.code === '123456') {
        verified = true;
        return HttpResponse.json({ verified: true });
      }
      attemptsLeft -= 1;
      return HttpResponse.json(
        { error: { code: 'CODE_MISMATCH', message: 'Wrong code', details: { attemptsLeft } } },
        { status: 422 },
      );
    }),
  ];
}

vi.mock('../../../lib/api-provider.tsx', () => ({ useApiClient: () => api }));

afterEach(cleanup);

describe('TestSendsPanel', () => {
  it('sends, polls the delivery report until final, and verifies the code', async () => {
    server.use(...handlers());
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <TestSendsPanel
          connectorId={sent.connectorId}
          international={false}
          canSend
          readOnly={false}
          emulatorUrl="http://localhost:3002"
        />
      </QueryClientProvider>,
    );
    await screen.findByText('No test sends yet.');
    fireEvent.change(screen.getByLabelText('Phone number'), { target: { value: '13800138001' } });
    // Before the send: Tencent's limits for one number and today's use of it.
    await screen.findByText(
      "Today +86 138****8001 has had 2 codes through smsdesk (8 of Tencent's 10 left).",
    );
    expect(screen.getByTestId('phone-usage').textContent).toContain(
      'once per 30 seconds, 10 messages per day',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send test code' }));

    const result = await screen.findByTestId('test-send-result');
    // While the report is pending: why it may stay so, and the callback URL that fixes it.
    expect((await screen.findByTestId('pending-hint')).textContent).toContain('delivery callback URL');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      phoneNumber: '13800138001',
      country: 'CN',
      usageType: 'SignIn',
      mode: 'smsdesk',
    });
    expect(within(result).getByTestId('delivery-status').textContent).toBe('pending');
    expect(
      within(result)
        .getByRole('link', { name: "Open the emulator's inbox for this number" })
        .getAttribute('href'),
    ).toBe('http://localhost:3002/__emulator/inbox?phone=%2B8613800138001');

    fireEvent.change(within(result).getByLabelText('Enter the code you received'), {
      target: { value: '654321' },
    });
    fireEvent.click(within(result).getByRole('button', { name: 'Verify' }));
    expect((await within(result).findByTestId('verify-mismatch')).textContent).toContain('2 attempts left');

    await waitFor(() => expect(within(result).getByTestId('delivery-status').textContent).toBe('delivered'), {
      timeout: 6000,
    });
    const readsWhenDelivered = reads;

    fireEvent.change(within(result).getByLabelText('Enter the code you received'), {
      target: { value: '123456' },
    });
    fireEvent.click(within(result).getByRole('button', { name: 'Verify' }));
    expect((await within(result).findByTestId('verified')).textContent).toBe('Verified');
    // Polling stopped once the report was final (the verify refetches once).
    await new Promise((r) => setTimeout(r, 2500));
    expect(reads).toBeLessThanOrEqual(readsWhenDelivered + 1);
  }, 15_000);

  it("clears the previous send's card when the next send is refused, with one notice", async () => {
    server.use(...handlers());
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <TestSendsPanel
          connectorId={sent.connectorId}
          international={false}
          canSend
          readOnly={false}
          emulatorUrl={null}
        />
      </QueryClientProvider>,
    );
    await screen.findByText('No test sends yet.');
    fireEvent.change(screen.getByLabelText('Phone number'), { target: { value: '13800138001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send test code' }));
    await screen.findByTestId('test-send-result');

    server.use(
      http.post(`${testApiUrl}/api/connectors/:id/test-sends`, () =>
        HttpResponse.json(
          {
            error: {
              code: 'RATE_LIMITED',
              message: 'Too many test sends',
              details: { retryAfterSeconds: 600 },
            },
          },
          { status: 429, headers: { 'retry-after': '600' } },
        ),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send test code' }));
    await screen.findByText(/Try again in 10 minutes, at /);
    expect(screen.queryByTestId('test-send-result')).toBeNull();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });
});
