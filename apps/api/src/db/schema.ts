import type { Generated } from 'kysely';

/**
 * The tables, in the application's camelCase (the CamelCasePlugin maps to snake_case columns). Types are
 * the portable subset of SQLite and PostgreSQL: text ids and ISO timestamps, integer flags, JSON as text.
 */
export interface ConnectorsTable {
  id: string;
  name: string;
  description: string | null;
  accessKeyId: string;
  secretCiphertext: string | null;
  signName: string;
  region: string;
  sdkAppId: string;
  international: number;
  templates: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface AuditEventsTable {
  id: string;
  connectorId: string | null;
  connectorName: string | null;
  actor: string;
  action: string;
  changes: string;
  detail: string | null;
  /** 'pending' (intent written, change not confirmed), 'succeeded' or 'failed'. */
  outcome: string;
  createdAt: string;
}

/** Readiness writes a row here and rolls it back: always empty. */
export interface ReadinessProbeTable {
  checkedAt: string;
}

export interface SessionsTable {
  sid: string;
  data: string;
  expiresAt: string;
}

/** Background jobs (modules/…, lib/scheduler.ts): the last run of each, across instances. */
export interface ScheduledJobsTable {
  name: string;
  lastRunAt: string;
  finishedAt: string | null;
  runs: number;
  instance: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface TestSendsTable {
  id: string;
  connectorId: string;
  actor: string;
  usageType: string;
  templateCode: string | null;
  mode: string;
  phoneNumberMasked: string;
  phoneHash: string;
  codeHash: string | null;
  status: string;
  tencentCode: string | null;
  tencentMessage: string | null;
  serialNo: string | null;
  fee: number | null;
  requestId: string | null;
  guidance: string | null;
  verifyAttempts: number;
  verifiedAt: string | null;
  deliveryStatus: string;
  deliveryDescription: string | null;
  deliveredAt: string | null;
  createdAt: string;
  /** logto-test / logto-live: the Logto tenant the send went through. */
  tenantId: string | null;
  /** logto-live: the digits Logto verifies the code for, sealed (the clear number is otherwise only masked). */
  phoneCiphertext: string | null;
  /** logto-live: 1/0 whether the live connector matched the profile at send time. */
  liveInSync: number | null;
}

export interface DeliveryReportsTable {
  serialNo: string;
  sdkAppId: string;
  phoneNumber: string;
  status: string;
  description: string;
  receivedAt: string | null;
  pulledAt: string;
}

/** The SmsType of templates created or modified through smsdesk (Tencent's list does not return it). */
export interface TemplateSmsTypesTable {
  templateId: string;
  smsType: number;
  updatedAt: string;
}

/** A Logto tenant: its endpoint and the M2M app smsdesk uses for its Management API (secret sealed). */
export interface LogtoTenantsTable {
  id: string;
  name: string;
  endpoint: string;
  managementApiResource: string;
  appId: string;
  secretCiphertext: string;
  verifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The token of a connector's Tencent status callback URL: a hash to find it, sealed to show the URL. */
export interface ConnectorCallbacksTable {
  connectorId: string;
  tokenHash: string;
  tokenCiphertext: string;
  createdAt: string;
}

export interface Database {
  connectors: ConnectorsTable;
  auditEvents: AuditEventsTable;
  readinessProbe: ReadinessProbeTable;
  sessions: SessionsTable;
  meta: MetaTable;
  scheduledJobs: ScheduledJobsTable;
  testSends: TestSendsTable;
  deliveryReports: DeliveryReportsTable;
  templateSmsTypes: TemplateSmsTypesTable;
  logtoTenants: LogtoTenantsTable;
  connectorCallbacks: ConnectorCallbacksTable;
}

export type { Generated };
