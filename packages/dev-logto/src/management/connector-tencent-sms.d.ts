// The package ships JavaScript only; its factory has connector-kit's SMS connector shape.
declare module '@logto/connector-tencent-sms' {
  import type { CreateConnector, SmsConnector } from '@logto/connector-kit';
  const createTencentSmsConnector: CreateConnector<SmsConnector>;
  export default createTencentSmsConnector;
}
