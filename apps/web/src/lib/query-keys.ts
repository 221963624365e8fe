/**
 * Every TanStack Query key of the SPA, from one factory, so an invalidation in one feature reaches the
 * queries of another without either importing the other. Keys nest: invalidating `connectors.detail(id)`
 * also refreshes that connector's templates, signs, check and Logto JSON.
 */
export const queryKeys = {
  me: ['me'] as const,
  idTokenClaims: ['id-token-claims'] as const,
  connectors: {
    /** The list only, with `exact: true`; without it, every connector query. */
    list: ['connectors'] as const,
    detail: (id: string) => ['connectors', id] as const,
    logtoConfig: (id: string) => ['connectors', id, 'logto-config'] as const,
    templates: (id: string) => ['connectors', id, 'templates'] as const,
    signs: (id: string) => ['connectors', id, 'signs'] as const,
    check: (id: string) => ['connectors', id, 'check'] as const,
    callback: (id: string) => ['connectors', id, 'callback'] as const,
  },
  testSends: {
    lists: ['test-sends', 'list'] as const,
    list: <F>(filter: F) => ['test-sends', 'list', filter] as const,
    item: (id: string) => ['test-sends', 'item', id] as const,
    /** Under `lists`, so that a new send (which invalidates the lists) refreshes today's count too. */
    phoneUsage: (connectorId: string, phoneNumber: string, country: string | undefined) =>
      ['test-sends', 'list', 'phone-usage', connectorId, phoneNumber, country ?? ''] as const,
  },
  audit: {
    list: <F>(filter: F) => ['audit-events', filter] as const,
  },
  logtoTenants: {
    /** Every tenant query, the drift ones included. */
    all: ['logto-tenants'] as const,
    list: ['logto-tenants', 'list'] as const,
    drift: (connectorId: string, tenantId: string) =>
      ['logto-tenants', 'drift', connectorId, tenantId] as const,
    smsConnector: (tenantId: string) => ['logto-tenants', 'sms-connector', tenantId] as const,
  },
};
