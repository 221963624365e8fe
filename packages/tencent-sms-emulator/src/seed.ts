// The seeded state. Ids and credentials are fixed so other packages (API, console, e2e tests) import them
// from here instead of copying strings.

export const SMS_API_VERSION = '2021-01-11';

/** Regions Tencent serves the SMS API from. */
export const smsRegions = ['ap-guangzhou', 'ap-beijing', 'ap-nanjing', 'ap-singapore'] as const;

export const devAccount = {
  secretId: 'AKIDSMSDESKDEV00000000000000000000',
  secretKey: 'smsdeskdevsecretkey00000000000000',
  sdkAppId: '1400000001',
  region: 'ap-guangzhou',
  signName: 'smsdesk',
} as const;

/** A second account, so tests can exercise "SdkAppId or template of someone else". */
export const otherAccount = {
  secretId: 'AKIDSMSDESKOTHER000000000000000000',
  secretKey: 'smsdeskothersecretkey000000000000',
  sdkAppId: '1400000002',
  region: 'ap-guangzhou',
  signName: 'othersign',
} as const;

/** Template ids as strings: SendSms and Logto's connector config take `TemplateId` as a string. */
export const seededTemplateIds = {
  signIn: '100001',
  register: '100002',
  forgotPassword: '100003',
  generic: '100004',
  underReview: '100005',
  rejected: '100006',
  twoVariables: '100007',
} as const;

/** The four approved single-`{1}` templates as Logto's connector maps them: a working dev connector. */
export const seededLogtoTemplates = [
  { usageType: 'SignIn', templateCode: seededTemplateIds.signIn },
  { usageType: 'Register', templateCode: seededTemplateIds.register },
  { usageType: 'ForgotPassword', templateCode: seededTemplateIds.forgotPassword },
  { usageType: 'Generic', templateCode: seededTemplateIds.generic },
] as const;

/** Logto's Tencent SMS connector config (its JSON fields) for the dev account: a connector that works here. */
export function devLogtoConnectorConfig() {
  return {
    accessKeyId: devAccount.secretId,
    accessKeySecret: devAccount.secretKey,
    signName: devAccount.signName,
    region: devAccount.region,
    sdkAppId: devAccount.sdkAppId,
    templates: seededLogtoTemplates.map((t) => ({
      usageType: t.usageType,
      templateCode: String(t.templateCode),
    })),
  };
}

/** Tencent's rule: a mainland sign is 2–12 characters. */
export const pendingSignName = 'smsdesk审核中';

export const seededSignIds = { approved: 10001, underReview: 10002, other: 10003 } as const;

/** First id handed to templates created through AddSmsTemplate. */
export const FIRST_NEW_TEMPLATE_ID = 100100;

export type StatusCode = 0 | 1 | 2 | -1;

export interface AccountSeed {
  secretId: string;
  secretKey: string;
  sdkAppIds: string[];
}

export interface SignSeed {
  signId: number;
  owner: string;
  signName: string;
  international: 0 | 1;
  statusCode: StatusCode;
  reviewReply: string;
}

export interface TemplateSeed {
  templateId: number;
  owner: string;
  templateName: string;
  templateContent: string;
  smsType: number;
  international: 0 | 1;
  statusCode: StatusCode;
  reviewReply: string;
  remark: string;
}

export const SEED_CREATE_TIME = 1735689600; // 2025-01-01T00:00:00Z

export const seedAccounts: AccountSeed[] = [
  { secretId: devAccount.secretId, secretKey: devAccount.secretKey, sdkAppIds: [devAccount.sdkAppId] },
  { secretId: otherAccount.secretId, secretKey: otherAccount.secretKey, sdkAppIds: [otherAccount.sdkAppId] },
];

export const seedSigns: SignSeed[] = [
  {
    signId: seededSignIds.approved,
    owner: devAccount.secretId,
    signName: devAccount.signName,
    international: 0,
    statusCode: 0,
    reviewReply: '',
  },
  {
    signId: seededSignIds.underReview,
    owner: devAccount.secretId,
    signName: pendingSignName,
    international: 0,
    statusCode: 1,
    reviewReply: '',
  },
  {
    signId: seededSignIds.other,
    owner: otherAccount.secretId,
    signName: otherAccount.signName,
    international: 0,
    statusCode: 0,
    reviewReply: '',
  },
];

const dev = (
  id: string,
  templateName: string,
  templateContent: string,
  statusCode: StatusCode,
  reviewReply = '',
): TemplateSeed => ({
  templateId: Number(id),
  owner: devAccount.secretId,
  templateName,
  templateContent,
  smsType: 3,
  international: 0,
  statusCode,
  reviewReply,
  remark: 'seeded by the emulator',
});

export const seedTemplates: TemplateSeed[] = [
  dev(seededTemplateIds.signIn, 'SignIn code', 'Your sign-in code is {1}. It expires in 10 minutes.', 0),
  dev(
    seededTemplateIds.register,
    'Register code',
    'Your registration code is {1}. It expires in 10 minutes.',
    0,
  ),
  dev(seededTemplateIds.forgotPassword, 'Password reset code', 'Your password reset code is {1}.', 0),
  dev(seededTemplateIds.generic, 'Generic code', 'Your verification code is {1}.', 0),
  dev(seededTemplateIds.underReview, 'Pending code', 'Your pending code is {1}.', 1),
  dev(
    seededTemplateIds.rejected,
    'Rejected code',
    'Your code is {1}, reply TD to unsubscribe.',
    -1,
    'Verification code templates must not contain marketing content.',
  ),
  dev(seededTemplateIds.twoVariables, 'Code with validity', 'Your code is {1}, valid for {2} minutes.', 0),
  {
    templateId: 100050,
    owner: otherAccount.secretId,
    templateName: 'Other account code',
    templateContent: 'Your other code is {1}.',
    smsType: 3,
    international: 0,
    statusCode: 0,
    reviewReply: '',
    remark: 'seeded by the emulator',
  },
];
