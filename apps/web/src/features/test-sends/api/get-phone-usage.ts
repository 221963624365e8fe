import type { PhoneUsage } from '@smsdesk/shared/schemas/phone-usage';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export function usePhoneUsage(connectorId: string, phoneNumber: string, country: string | undefined) {
  const api = useApiClient();
  const query = new URLSearchParams({ phoneNumber, ...(country ? { country } : {}) });
  return useQuery({
    queryKey: queryKeys.testSends.phoneUsage(connectorId, phoneNumber, country),
    queryFn: ({ signal }) =>
      api.get<PhoneUsage>(`/api/connectors/${encodeURIComponent(connectorId)}/phone-usage?${query}`, signal),
    // At least 7 digits: a shorter entry is still being typed.
    enabled: phoneNumber.replace(/\D/g, '').length >= 7,
    retry: false,
  });
}
