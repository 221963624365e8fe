import { LogtoProvider } from '@logto/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { logtoConfig } from '../lib/auth.ts';
import { ApiClientProvider } from '../lib/api-provider.tsx';
import { router } from './router.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // 4xx answers will not change on retry; network blips might.
      retry: (count, error) => count < 2 && !((error as { status?: number }).status ?? 0),
    },
  },
});

export function App() {
  return (
    <LogtoProvider config={logtoConfig}>
      <QueryClientProvider client={queryClient}>
        <ApiClientProvider>
          <RouterProvider router={router} />
        </ApiClientProvider>
      </QueryClientProvider>
    </LogtoProvider>
  );
}
