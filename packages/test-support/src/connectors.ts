import { devLogtoConnectorConfig } from '@smsdesk/tencent-sms-emulator';

/** The emulator's dev account as a `POST /api/connectors` body, with its four approved templates mapped. */
export function devConnectorBody(name = 'Tencent emulator (test)') {
  const config = devLogtoConnectorConfig();
  // Suites add, replace and break mappings: any usage type and code, so the API's validation can be tested.
  const templates: { usageType: string; templateCode: string }[] = config.templates;
  return { name, ...config, international: false, templates };
}
