import type { TestSend } from '@smsdesk/shared/schemas/test-sends';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../lib/api-client.ts';
import { server, testApiUrl } from '../../../test/server.ts';
import { phoneUsageHandler } from './phone-usage.fixture.ts';
import { TestSendsPanel } from './test-sends-panel.tsx';

const api = createApiClient({ baseUrl: testApiUrl, getAccessToken: async () => 'token' });
vi.mock('../../../lib/api-provider.tsx', () => ({ useApiClient: () => api }));
vi.mock('@logto/react', () => ({
  useLogto: () => ({ isAuthenticated: true, getIdTokenClaims: async () => ({ sub: 'dev-admin' }) }),
}));
afterEach(cleanup);

const connectorId = '0b6f1f5e-8d2c-4a57-bb7e-4f3c1a2d9e10';
// What the API records when Logto-exact mode finds no template for the usage type (and answers 404).
const recorded: TestSend = {
  id: '5a0c2e1d-6b7f-4a3e-9c21-8d4b3f2e1a07',
  connectorId,
  status: 'failed',
  usageType: 'BindMfa',
  templateCode: null,
  phoneNumberMasked: '+86 138****8001',
  mode: 'logto',
  tencent: {
    code: 'TEMPLATE_NOT_FOUND',
    message: "Logto's Tencent connector has no template for usage type BindMfa",
    serialNo: null,
    fee: null,
    requestId: null,
  },
  guidance:
    "Logto's Tencent connector has no template for usage type BindMfa. Map a template to BindMfa on the connector.",
  verified: false,
  verifyAttemptsLeft: 0,
  codeExpiresAt: null,
  delivery: { status: 'failed', description: null, receivedAt: null },
  actor: 'dev-admin',
  createdAt: new Date().toISOString(),
} as TestSend;

describe('a Logto-exact send refused for a missing template', () => {
  it('shows the refusal, then its history row as a sentence with the code, opened as "not sent"', async () => {
    let refused = false;
    server.use(
      phoneUsageHandler(),
      http.get(`${testApiUrl}/api/test-sends`, () =>
        HttpResponse.json({ items: refused ? [recorded] : [], nextCursor: null }),
      ),
      http.post(`${testApiUrl}/api/connectors/:id/test-sends`, () => {
        refused = true;
        return HttpResponse.json(
          {
            error: {
              code: 'TEMPLATE_NOT_FOUND',
              message: recorded.tencent.message,
              details: { usageType: 'BindMfa', mode: 'logto', fix: 'Map a template to BindMfa.' },
            },
          },
          { status: 404 },
        );
      }),
      http.get(`${testApiUrl}/api/test-sends/${recorded.id}`, () => HttpResponse.json(recorded)),
    );
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <TestSendsPanel
          connectorId={connectorId}
          international={false}
          canSend
          readOnly={false}
          emulatorUrl={null}
        />
      </QueryClientProvider>,
    );
    await screen.findByText('No test sends yet.');
    fireEvent.change(screen.getByLabelText('Phone number'), { target: { value: '13800138001' } });
    fireEvent.change(screen.getByLabelText('Usage type'), { target: { value: 'BindMfa' } });
    fireEvent.click(screen.getByLabelText(/^Logto-exact/));
    fireEvent.click(screen.getByRole('button', { name: 'Send test code' }));

    const sentence = 'No template is mapped for this usage type, or it does not exist at Tencent.';
    // The refusal re-reads the history, where the API recorded it.
    const history = await screen.findByRole('table', { name: 'Test sends' });
    const row = within(history).getAllByRole('row')[1];
    if (!row) throw new Error('no history row');
    expect(within(row).getByText(sentence)).toBeTruthy();
    expect(within(row).getByText('TEMPLATE_NOT_FOUND').tagName).toBe('CODE');

    fireEvent.click(within(row).getByRole('button', { name: 'Details' }));
    const card = await screen.findByTestId('test-send-result');
    expect(within(card).getByRole('note').textContent).toContain(sentence);
    expect(within(card).getByRole('note').textContent).toContain('Map a template to BindMfa');
    expect(within(card).getByText('Not sent: refused before Tencent was asked')).toBeTruthy();
    expect(within(card).queryByText("Tencent's answer")).toBeNull();
  });
});
