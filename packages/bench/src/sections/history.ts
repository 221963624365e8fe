import type { Report } from '../report.ts';
import type { Stack } from '../stack.ts';

export async function historySection(_stack: Stack, _report: Report) {}
