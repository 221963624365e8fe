import type { TemplateStatus } from '@smsdesk/shared/schemas/templates';
import { useTranslation } from 'react-i18next';

const tone: Record<TemplateStatus, string> = {
  approved: 'green',
  reviewing: 'amber',
  approved_pending: 'amber',
  rejected: 'red',
};

/** Tencent's review state of a template or signature, with the reviewer's reply when rejected. */
export function ReviewStatusBadge({
  status,
  reviewReply,
}: {
  status: TemplateStatus;
  reviewReply?: string | null;
}) {
  const { t } = useTranslation('templates');
  return (
    <>
      <span
        className={`badge badge-${tone[status]}`}
        title={t(`status.${status}.title`)}
        data-status={status}
      >
        {t(`status.${status}.label`)}
      </span>
      {status === 'rejected' && reviewReply ? <div className="review-reply">{reviewReply}</div> : null}
    </>
  );
}
