import type { CheckResult, UsageTypeHealth } from '@smsdesk/shared/schemas/check';
import { requiredUsageTypes, type UsageType, usageTypes } from '@smsdesk/shared/usage-types';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HealthReport } from './health-panel.tsx';

afterEach(cleanup);

const okRow = (usageType: UsageType, templateCode: string): UsageTypeHealth => ({
  usageType,
  requiredByLogto: requiredUsageTypes.includes(usageType),
  templateCode,
  mapped: 'ok',
  exists: 'ok',
  approved: 'ok',
  singleVariable: 'ok',
  state: 'ok',
});
const unmapped = (usageType: UsageType): UsageTypeHealth => ({
  usageType,
  requiredByLogto: requiredUsageTypes.includes(usageType),
  templateCode: null,
  mapped: requiredUsageTypes.includes(usageType) ? 'error' : 'warning',
  exists: 'unknown',
  approved: 'unknown',
  singleVariable: 'unknown',
  state: requiredUsageTypes.includes(usageType) ? 'error' : 'warning',
});

const fixture: CheckResult = {
  ok: false,
  checkedAt: '2025-06-01T10:00:00.000Z',
  findings: [
    {
      severity: 'error',
      code: 'TEMPLATE_TWO_VARIABLES',
      usageType: 'Generic',
      templateCode: '100006',
      message: 'Template 100006 has two variables; Logto sends one',
      fix: 'Map a template with exactly one variable, {1}.',
    },
    {
      severity: 'warning',
      code: 'USAGE_TYPE_NOT_MAPPED',
      usageType: 'MfaVerification',
      message: 'MfaVerification has no template',
      fix: 'Create a template for MfaVerification and map it.',
    },
    {
      severity: 'info',
      code: 'SIGN_APPROVED',
      message: 'The signature is approved',
      fix: 'Nothing to do.',
    },
  ],
  usageTypes: usageTypes.map((u): UsageTypeHealth => {
    if (u === 'SignIn') return okRow(u, '100001');
    if (u === 'Register') return okRow(u, '100002');
    if (u === 'ForgotPassword') return { ...okRow(u, '100005'), approved: 'warning', state: 'warning' };
    if (u === 'Generic') return { ...okRow(u, '100006'), singleVariable: 'error', state: 'error' };
    return unmapped(u);
  }),
};

function row(usageType: UsageType) {
  return screen.getByTestId(`health-${usageType}`);
}
const cell = (usageType: UsageType, key: string) =>
  row(usageType).querySelector(`[data-cell="${key}"]`) as HTMLElement;

describe('HealthReport', () => {
  it('renders the nine usage types as a table with row headers and coloured cells', () => {
    render(<HealthReport result={fixture} />);
    const table = screen.getByRole('table', { name: 'Usage type health' });
    const headers = within(table).getAllByRole('rowheader');
    expect(headers.map((h) => h.textContent)).toEqual([...usageTypes]);
    expect(within(table).getAllByText('required by Logto')).toHaveLength(4);

    expect(cell('SignIn', 'approved').textContent).toBe('✓ok');
    expect(cell('SignIn', 'approved').querySelector('.badge-green')).toBeTruthy();
    expect(cell('ForgotPassword', 'approved').textContent).toBe('!warning');
    expect(cell('ForgotPassword', 'approved').querySelector('.badge-amber')).toBeTruthy();
    expect(cell('Generic', 'singleVariable').textContent).toBe('✗error');
    expect(cell('Generic', 'singleVariable').querySelector('.badge-red')).toBeTruthy();
    expect(cell('MfaVerification', 'exists').textContent).toBe('?unknown');
    expect(cell('MfaVerification', 'exists').querySelector('.badge-grey')).toBeTruthy();
    expect(row('MfaVerification').getAttribute('data-state')).toBe('warning');
    expect(row('SignIn').getAttribute('data-state')).toBe('ok');
    expect(within(row('Generic')).getByText('100006')).toBeTruthy();
  });

  it('shows the red banner counting the errors and each finding with its fix, grouped by severity', () => {
    render(<HealthReport result={fixture} />);
    expect(screen.getByTestId('check-status').textContent).toContain('One problem Logto will hit');
    expect(screen.getByTestId('check-status').className).toContain('notice-error');
    const errors = screen.getByTestId('findings-error');
    expect(errors.textContent).toContain('Template 100006 has two variables');
    expect(errors.textContent).toContain('Fix: Map a template with exactly one variable, {1}.');
    expect(screen.getByTestId('findings-warning').textContent).toContain(
      'Create a template for MfaVerification and map it.',
    );
    expect(screen.getByTestId('findings-info').textContent).toContain('Nothing to do.');
  });

  it('shows the green banner when Logto will work', () => {
    render(
      <HealthReport
        result={{
          ...fixture,
          ok: true,
          findings: [],
          usageTypes: usageTypes.map((u, i) => okRow(u, String(100001 + i))),
        }}
      />,
    );
    expect(screen.getByTestId('check-status').textContent).toBe('Logto will work');
    expect(screen.getByTestId('check-status').className).toContain('notice-ok');
    expect(screen.queryAllByRole('button', { name: 'Create template' })).toHaveLength(0);
  });

  it('offers a fix on the rows that need one, disabled without write access', () => {
    const onCreateTemplate = vi.fn();
    const onMapExisting = vi.fn();
    const { rerender } = render(
      <HealthReport result={fixture} actions={{ canWrite: true, onCreateTemplate, onMapExisting }} />,
    );
    expect(within(row('SignIn')).queryByRole('button', { name: 'Create template' })).toBeNull();
    fireEvent.click(within(row('MfaVerification')).getByRole('button', { name: 'Create template' }));
    expect(onCreateTemplate).toHaveBeenCalledWith('MfaVerification');
    fireEvent.click(within(row('Generic')).getByRole('button', { name: 'Map existing…' }));
    expect(onMapExisting).toHaveBeenCalledWith('Generic');

    rerender(
      <HealthReport result={fixture} actions={{ canWrite: false, onCreateTemplate, onMapExisting }} />,
    );
    const create = within(row('BindMfa')).getByRole('button', {
      name: 'Create template',
    }) as HTMLButtonElement;
    expect(create.disabled).toBe(true);
  });
});
