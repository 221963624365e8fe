import { describe, expect, it } from 'vitest';
import { fieldIssues } from '../src/field-issues.ts';
import { CreateConnectorSchema } from '../src/schemas/connectors.ts';

const valid = {
  name: 'Main',
  accessKeyId: 'AKID123',
  signName: 'smsdesk',
  region: 'ap-guangzhou',
  sdkAppId: '1400000001',
  templates: [{ usageType: 'SignIn', templateCode: '100001' }],
};

describe('fieldIssues', () => {
  it('finds nothing in a valid body', () => {
    expect(fieldIssues(CreateConnectorSchema, valid)).toEqual([]);
  });

  it('names each broken field once, with the rule the API would report and its bound', () => {
    const issues = fieldIssues(CreateConnectorSchema, {
      ...valid,
      accessKeyId: 'AK-ID',
      signName: 'x'.repeat(13),
      templates: [{ usageType: 'Nope', templateCode: '12a' }],
    });
    expect(issues).toEqual([
      { field: 'accessKeyId', rule: 'pattern' },
      { field: 'signName', rule: 'maxLength', limit: 12 },
      { field: 'templates.0.usageType', rule: 'anyOf' },
      { field: 'templates.0.templateCode', rule: 'pattern' },
    ]);
  });

  it('reports a missing property as required', () => {
    const { region: _region, ...rest } = valid;
    expect(fieldIssues(CreateConnectorSchema, rest)).toEqual([{ field: 'region', rule: 'required' }]);
  });
});
