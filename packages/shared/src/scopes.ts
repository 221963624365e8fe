/** The API resource's permissions; a Logto role grants some of them (admin all four, viewer read:connectors). */
export const apiScopes = ['read:connectors', 'write:connectors', 'write:templates', 'send:sms'] as const;
export type ApiScope = (typeof apiScopes)[number];
