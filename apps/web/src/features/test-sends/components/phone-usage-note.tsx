import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhoneUsage } from '../api/get-phone-usage.ts';

/** Before a send: Tencent's default limits for one number, and how many of today's it has used here. */
export function PhoneUsageNote({
  connectorId,
  phoneNumber,
  country,
}: {
  connectorId: string;
  phoneNumber: string;
  country: string | undefined;
}) {
  const { t } = useTranslation('testSends');
  // Asked once typing pauses, not on every key.
  const [settled, setSettled] = useState(phoneNumber);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(phoneNumber), 400);
    return () => clearTimeout(timer);
  }, [phoneNumber]);
  const { data } = usePhoneUsage(connectorId, settled, country);
  return (
    <p className="help" data-testid="phone-usage">
      {t('usage.limits')}{' '}
      {data ? (
        <strong>
          {t('usage.today', {
            number: data.phoneNumberMasked,
            count: data.sentToday,
            remaining: data.remainingToday,
          })}
        </strong>
      ) : null}
    </p>
  );
}
