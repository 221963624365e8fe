import { HttpResponse, http } from 'msw';
import { testApiUrl } from '../../../test/server.ts';

/** The unit tests' phone-usage answer: 2 of Tencent's 10 a day sent to the number the tests use. */
export function phoneUsageHandler() {
  return http.get(`${testApiUrl}/api/connectors/:id/phone-usage`, () =>
    HttpResponse.json({
      phoneNumberMasked: '+86 138****8001',
      tencentLimits: {
        sameContentSeconds: 30,
        perDay: 10,
        dayStartedAt: '2026-12-02T16:00:00.000Z',
        note: '',
      },
      sentToday: 2,
      remainingToday: 8,
      lastSentAt: '2026-12-03T01:00:00.000Z',
    }),
  );
}
