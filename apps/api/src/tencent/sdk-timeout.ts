import { TencentTimeoutError } from './sdk-errors.ts';

/**
 * Races the call against a timer that is always cleared, and aborts the HTTP request when it fires. Our
 * own timer, because the SDK's timeout is whole seconds.
 */
export async function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new TencentTimeoutError(ms));
      controller.abort();
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
