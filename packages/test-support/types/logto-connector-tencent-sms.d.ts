// The package ships JavaScript only; this is the part of its surface the tests (the API's differential suite,
// the emulator's) call. Each of those packages includes this folder in its tsconfig.
declare module '@logto/connector-tencent-sms' {
  interface SendMessageData {
    to: string;
    type: string;
    payload: Record<string, string>;
  }
  interface TencentSmsConnector {
    metadata: { id: string; target: string };
    sendMessage(data: SendMessageData, config?: unknown): Promise<unknown>;
  }
  const createTencentSmsConnector: (options: {
    getConfig: (id: string) => Promise<unknown>;
  }) => Promise<TencentSmsConnector>;
  export default createTencentSmsConnector;
}
