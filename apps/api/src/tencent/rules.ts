/** Small pure rules about Tencent's data that services and routes share. */
import type { TemplateStatus } from '@smsdesk/shared/schemas/templates';

/**
 * Tencent's StatusCode for templates and signs. Only 0 is usable for sending. An unknown code is treated
 * as "reviewing": not usable, and not a verdict we can show as final.
 */
export function statusFromCode(statusCode: number): TemplateStatus {
  switch (statusCode) {
    case 0:
      return 'approved';
    case 2:
      return 'approved_pending';
    case -1:
      return 'rejected';
    default:
      return 'reviewing';
  }
}
