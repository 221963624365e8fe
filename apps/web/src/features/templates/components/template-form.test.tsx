import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-client.ts';
import { emptyTemplateValues, templateValuesFor } from '../utils/template-form.ts';
import { TemplateForm } from './template-form.tsx';

afterEach(cleanup);

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const preview = () => screen.getByTestId('template-preview').textContent;
const ruleErrors = () => screen.queryByTestId('template-rule-errors')?.textContent ?? '';

describe('TemplateForm', () => {
  it('previews the message with the signature and a sample code as the user types', () => {
    render(
      <TemplateForm
        initial={emptyTemplateValues()}
        signName="smsdesk"
        international={false}
        submitLabel="Create template"
        onSubmit={async () => {}}
        onCancel={() => {}}
      />,
    );
    fireEvent.change(field('Content'), { target: { value: 'Your code is {1}.' } });
    expect(preview()).toBe('【smsdesk】Your code is 123456.');
    fireEvent.change(field('Content'), { target: { value: 'Your code is {1}, valid {2} min.' } });
    expect(preview()).toBe('【smsdesk】Your code is 123456, valid value2 min.');
  });

  it('lists the local rule violations as the user types, and blocks the submit until fixed', () => {
    const onSubmit = vi.fn(async () => {});
    render(
      <TemplateForm
        initial={emptyTemplateValues()}
        signName="smsdesk"
        international
        submitLabel="Create template"
        onSubmit={onSubmit}
        onCancel={() => {}}
      />,
    );
    fireEvent.change(field('Template name'), { target: { value: 'Code' } });
    fireEvent.change(field('Content'), { target: { value: '【smsdesk】Your PIN is {1}{2}' } });
    const text = ruleErrors();
    expect(text).toContain('Remove 【 and 】');
    expect(text).toContain('Two variables may not stand side by side');
    expect(text).toContain('use exactly one variable, {1}');
    expect(text).toContain('must contain the word "code"');
    expect(field('Content').getAttribute('aria-invalid')).toBe('true');
    const submit = screen.getByRole('button', { name: 'Create template' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);

    fireEvent.change(field('Content'), { target: { value: 'Your code is {1}.' } });
    expect(ruleErrors()).toBe('');
    expect(submit.disabled).toBe(false);
  });

  it('applies the single-{1} rule to other SMS types only for a Logto usage type', () => {
    const props = {
      initial: { ...emptyTemplateValues(), smsType: 2 as const },
      signName: 's',
      international: false,
      submitLabel: 'Create template',
      onSubmit: async () => {},
      onCancel: () => {},
    };
    const { unmount } = render(<TemplateForm {...props} />);
    fireEvent.change(field('Content'), { target: { value: 'Order {1} ships {2}' } });
    expect(ruleErrors()).toBe('');
    unmount();
    render(<TemplateForm {...props} forLogto />);
    fireEvent.change(field('Content'), { target: { value: 'Order {1} ships {2}' } });
    expect(ruleErrors()).toContain('exactly one variable');
  });

  it('sends the body and shows the server field errors at their fields', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Invalid', {
        fields: [{ field: 'body.content', rule: 'sensitive', message: 'Contains a sensitive word' }],
      });
    });
    render(
      <TemplateForm
        initial={templateValuesFor('SignIn')}
        signName="smsdesk"
        international={false}
        submitLabel="Create template"
        onSubmit={onSubmit}
        onCancel={() => {}}
      />,
    );
    expect(field('Template name').value).toBe('SignIn code');
    expect(preview()).toBe('【smsdesk】Your verification code is 123456. It expires in 10 minutes.');
    expect((screen.getByLabelText('SMS type') as HTMLSelectElement).value).toBe('3');
    fireEvent.click(screen.getByRole('button', { name: 'Create template' }));
    await screen.findByText('Contains a sensitive word');
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'SignIn code',
      content: 'Your verification code is {1}. It expires in 10 minutes.',
      smsType: 3,
      remark: 'Logto SignIn verification code',
    });
    const content = field('Content');
    await waitFor(() => expect(content.getAttribute('aria-invalid')).toBe('true'));
    expect(
      (content.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent),
    ).toContain('Contains a sensitive word');
  });
});
