import type { TemplateStatus } from '@smsdesk/shared/schemas/templates';

const shown: Record<TemplateStatus, { label: string; tone: string; title: string }> = {
  approved: { label: 'approved', tone: 'green', title: 'Approved and in effect: the only usable state' },
  reviewing: {
    label: 'under review',
    tone: 'amber',
    title: 'Tencent is reviewing it; sends fail until approved',
  },
  approved_pending: {
    label: 'approved, not yet in effect',
    tone: 'amber',
    title: 'Approved, but Tencent has not put it into effect yet',
  },
  rejected: {
    label: 'rejected',
    tone: 'red',
    title: 'Rejected by Tencent: edit it and it is reviewed again',
  },
};

/** Tencent's review state of a template or signature, with the reviewer's reply when rejected. */
export function ReviewStatusBadge({
  status,
  reviewReply,
}: {
  status: TemplateStatus;
  reviewReply?: string | null;
}) {
  const s = shown[status];
  return (
    <>
      <span className={`badge badge-${s.tone}`} title={s.title} data-status={status}>
        {s.label}
      </span>
      {status === 'rejected' && reviewReply ? <div className="review-reply">{reviewReply}</div> : null}
    </>
  );
}
