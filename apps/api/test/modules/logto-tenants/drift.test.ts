import { describe, expect, it } from 'vitest';
import { driftBetween, type ProfileSide } from '../../../src/modules/logto-tenants/drift.ts';

const profile: ProfileSide = {
  accessKeyId: 'AKID1',
  accessKeySecret: 'secret-1',
  signName: 'smsdesk',
  region: 'ap-guangzhou',
  sdkAppId: '1400000001',
  templates: [
    { usageType: 'SignIn', templateCode: '1' },
    { usageType: 'Register', templateCode: '2' },
  ],
};
const logtoOf = (p: ProfileSide) => ({ ...p });

describe('drift between a profile and a Logto config', () => {
  it('is in sync when every field and the secret match, whatever the template order', () => {
    const theirs = { ...logtoOf(profile), templates: [...profile.templates].reverse() };
    expect(driftBetween(profile, theirs)).toEqual({ inSync: true, differences: [] });
  });

  it('compares templates per usage type, and names the ones on one side only', () => {
    const theirs = {
      ...logtoOf(profile),
      templates: [
        { usageType: 'SignIn', templateCode: '9' },
        { usageType: 'Generic', templateCode: '4' },
      ],
    };
    expect(driftBetween(profile, theirs).differences).toEqual([
      { field: 'templates.SignIn', smsdesk: '1', logto: '9' },
      { field: 'templates.Register', smsdesk: '2', logto: null },
      { field: 'templates.Generic', smsdesk: null, logto: '4' },
    ]);
  });

  it('never shows a secret: set / different / absent only', () => {
    const different = driftBetween(profile, { ...logtoOf(profile), accessKeySecret: 'secret-2' });
    expect(different.differences).toEqual([{ field: 'accessKeySecret', smsdesk: 'set', logto: 'different' }]);
    expect(JSON.stringify(different)).not.toContain('secret-');
    const unset = driftBetween({ ...profile, accessKeySecret: null }, logtoOf(profile));
    expect(unset.differences).toEqual([{ field: 'accessKeySecret', smsdesk: null, logto: 'set' }]);
  });

  it('lists keys Logto has that a profile cannot hold (a push removes them), masking secret-like ones', () => {
    const theirs = { ...logtoOf(profile), extra: 'x', apiKey: 'hidden' };
    expect(driftBetween(profile, theirs).differences).toEqual([
      { field: 'extra', smsdesk: null, logto: 'x' },
      { field: 'apiKey', smsdesk: null, logto: 'set' },
    ]);
  });

  it('with no Tencent connector at Logto, everything is only in smsdesk', () => {
    const drift = driftBetween(profile, null);
    expect(drift.inSync).toBe(false);
    expect(drift.differences.every((d) => d.logto === null)).toBe(true);
    expect(drift.differences.map((d) => d.field)).toEqual([
      'accessKeyId',
      'accessKeySecret',
      'signName',
      'region',
      'sdkAppId',
      'templates.SignIn',
      'templates.Register',
    ]);
  });
});
