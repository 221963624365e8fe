import { callbackToDashboardMs, initialJsGzipBytes } from '../spa.ts';
import { type Report, fmt, verdict } from '../report.ts';
import type { Stack } from '../stack.ts';

export async function spaSection(stack: Stack, report: Report) {
  // The SPA's redirect URIs are registered for localhost:3000: this API takes that port.
  await stack.startApi({}, 3000);
  report.section('The SPA (production build)');
  report.row('measure', 'figure', 'goal', '');
  const { bytes, files } = initialJsGzipBytes();
  report.row(
    'initial JS, gzip',
    `${fmt(bytes / 1024, 1)} KB in ${files.length} files`,
    '≤ 150 KB',
    verdict(bytes <= 150 * 1024),
  );
  const paint = await callbackToDashboardMs('http://localhost:3000');
  report.row('callback → signed-in dashboard painted (Chromium, median of 3)', `${fmt(paint, 0)} ms`, '', '');
}
