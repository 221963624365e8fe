import { describe, expect, it } from 'vitest';
import { checkTemplateContent, renderMessage, templateVariables } from '../src/template-rules.ts';

const rules = (content: string, options: Partial<Parameters<typeof checkTemplateContent>[1]> = {}) =>
  checkTemplateContent(content, { smsType: 3, international: false, signName: 'smsdesk', ...options }).map(
    (v) => v.rule,
  );

describe('template rules', () => {
  it('accepts a Logto verification template with one {1}', () => {
    expect(rules('Your sign-in code is {1}. It expires in 10 minutes.')).toEqual([]);
  });

  it('refuses no variable, two variables, or {2} alone for Logto', () => {
    expect(rules('Welcome!')).toContain('single_variable');
    expect(rules('Code {1}, valid {2} minutes')).toEqual(['single_variable']);
    expect(rules('Code {2}')).toEqual(
      expect.arrayContaining(['variables_not_consecutive', 'single_variable']),
    );
  });

  it('allows several variables for a notification template', () => {
    expect(rules('Order {1} ships on {2}', { smsType: 2 })).toEqual([]);
  });

  it('refuses 【】, adjacent variables and malformed variables', () => {
    expect(rules('【smsdesk】code {1}')).toContain('brackets');
    expect(rules('{1}{2}', { smsType: 2 })).toContain('variables_adjacent');
    expect(rules('code {x} {1}')).toContain('variable_format');
  });

  it('wants the word "code" in international verification templates', () => {
    expect(rules('Your PIN is {1}', { international: true })).toEqual(['code_word']);
    expect(rules('Your Code is {1}', { international: true })).toEqual([]);
  });

  it('counts the signature and a 6-digit code against 500 characters', () => {
    const filler = 'x'.repeat(490);
    expect(rules(`${filler}{1}`)).toContain('length');
    expect(rules(`${'x'.repeat(480)}{1}`)).toEqual([]);
  });

  it('renders what the phone shows and lists variables once each', () => {
    expect(renderMessage('smsdesk', 'Code {1}, again {1}', ['123456'])).toBe(
      '【smsdesk】Code 123456, again 123456',
    );
    expect(templateVariables('a {2} b {1} c {2}')).toEqual([2, 1]);
    expect(templateVariables('No variables, {x} or {} here')).toEqual([]);
    expect(templateVariables('{10} and {3}')).toEqual([10, 3]);
  });
});
