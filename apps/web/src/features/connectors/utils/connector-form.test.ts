import type { Connector } from '@smsdesk/shared/schemas/connectors';
import { describe, expect, it } from 'vitest';
import {
  createBodyOf,
  emptyFormValues,
  formValuesOf,
  missingRequired,
  placeFieldErrors,
  templatesOf,
  updateBodyOf,
} from './connector-form.ts';

const connector: Connector = {
  id: '7b0c1f0e-7d1c-4a35-9b51-1f0f5d3c2a10',
  name: 'Production',
  description: 'Main tenant',
  accessKeyId: 'AKIDSMSDESKDEV00000000000000000000',
  hasAccessKeySecret: true,
  signName: 'smsdesk',
  region: 'ap-guangzhou',
  sdkAppId: '1400000001',
  international: false,
  templates: [
    { usageType: 'Generic', templateCode: '100004' },
    { usageType: 'SignIn', templateCode: '100001' },
    { usageType: 'Register', templateCode: '100002' },
    { usageType: 'ForgotPassword', templateCode: '100003' },
  ],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-02T00:00:00.000Z',
  version: 3,
};

describe('the PATCH body', () => {
  it('is empty when nothing changed, whatever the stored template order', () => {
    expect(updateBodyOf(connector, formValuesOf(connector))).toEqual({});
  });

  it('holds only the changed fields, trimmed', () => {
    const values = { ...formValuesOf(connector), signName: ' newsign ', international: true };
    expect(updateBodyOf(connector, values)).toEqual({ signName: 'newsign', international: true });
  });

  it('sends the secret only when one was typed', () => {
    const values = { ...formValuesOf(connector), accessKeySecret: 'new-secret' };
    expect(updateBodyOf(connector, values)).toEqual({ accessKeySecret: 'new-secret' });
  });

  it('clears an emptied description with null', () => {
    const values = { ...formValuesOf(connector), description: '  ' };
    expect(updateBodyOf(connector, values)).toEqual({ description: null });
  });

  it('sends the whole mapping, in usage-type order, when a template changed', () => {
    const values = formValuesOf(connector);
    values.templates.MfaVerification = '100009';
    values.templates.Generic = '';
    expect(updateBodyOf(connector, values)).toEqual({
      templates: [
        { usageType: 'SignIn', templateCode: '100001' },
        { usageType: 'Register', templateCode: '100002' },
        { usageType: 'ForgotPassword', templateCode: '100003' },
        { usageType: 'MfaVerification', templateCode: '100009' },
      ],
    });
  });
});

describe('the create body', () => {
  it('leaves out empty optional fields and unmapped rows', () => {
    const values = {
      ...emptyFormValues(),
      name: 'Dev',
      accessKeyId: 'AKID1',
      signName: 'smsdesk',
      region: 'ap-guangzhou',
      sdkAppId: '1400000001',
    };
    values.templates.Register = ' 100002 ';
    expect(createBodyOf(values)).toEqual({
      name: 'Dev',
      accessKeyId: 'AKID1',
      signName: 'smsdesk',
      region: 'ap-guangzhou',
      sdkAppId: '1400000001',
      international: false,
      templates: [{ usageType: 'Register', templateCode: '100002' }],
    });
  });
});

describe('placing server field errors', () => {
  it('maps templates.<index> to the usage type of the row that was sent at that index', () => {
    const values = emptyFormValues();
    values.templates.Register = '100002';
    values.templates.Generic = 'abc';
    values.templates.BindMfa = 'x';
    const sent = templatesOf(values); // Register, Generic, BindMfa
    const errors = placeFieldErrors(
      {
        'templates.1.templateCode': 'must match pattern "^[0-9]+$"',
        'templates.2.templateCode': 'must match pattern "^[0-9]+$"',
        signName: 'must NOT have more than 12 characters',
        templates: 'SignIn, ForgotPassword are required by Logto',
        'headers.if-match': 'required',
      },
      sent,
    );
    expect(errors.templates).toEqual({
      Generic: 'must match pattern "^[0-9]+$"',
      BindMfa: 'must match pattern "^[0-9]+$"',
    });
    expect(errors.fields).toEqual({
      signName: 'must NOT have more than 12 characters',
      templates: 'SignIn, ForgotPassword are required by Logto',
    });
    expect(errors.other).toEqual(['headers.if-match: required']);
  });

  it('keeps a templates error whose index was not sent on the templates section', () => {
    const errors = placeFieldErrors({ 'templates.5.usageType': 'duplicate' }, []);
    expect(errors.fields.templates).toBe('templates.5.usageType: duplicate');
  });
});

describe('required usage types', () => {
  it('lists those without a template', () => {
    expect(missingRequired([{ usageType: 'SignIn', templateCode: '1' }])).toEqual([
      'Register',
      'ForgotPassword',
      'Generic',
    ]);
    expect(missingRequired(connector.templates)).toEqual([]);
  });
});
