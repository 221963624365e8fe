import { createBrowserRouter } from 'react-router';
import { Layout } from '../components/layout.tsx';
import { RouteError } from '../components/route-error.tsx';
import { RequireAuth } from '../features/auth/components/require-auth.tsx';
import { UserMenu } from '../features/auth/components/user-menu.tsx';
import { CallbackPage } from './routes/callback.tsx';
import { LandingPage } from './routes/landing.tsx';

// Pages behind sign-in are split into their own chunks: the signed-out landing stays small.
export const router = createBrowserRouter([
  {
    element: <Layout userMenu={<UserMenu />} />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <LandingPage /> },
      { path: 'callback', element: <CallbackPage /> },
      {
        element: <RequireAuth />,
        errorElement: <RouteError />,
        children: [
          { path: 'connectors', lazy: () => import('./routes/connectors.tsx') },
          { path: 'connectors/new', lazy: () => import('./routes/connector-new.tsx') },
          { path: 'connectors/:id/edit', lazy: () => import('./routes/connector-edit.tsx') },
          {
            // The connector page; its tabs are child routes (see the tabs array in connector-detail.tsx).
            path: 'connectors/:id',
            lazy: () => import('./routes/connector-detail.tsx'),
            children: [
              { index: true, lazy: () => import('./routes/connector-overview.tsx') },
              { path: 'health', lazy: () => import('./routes/connector-health.tsx') },
              { path: 'templates', lazy: () => import('./routes/connector-templates.tsx') },
              { path: 'test-sends', lazy: () => import('./routes/connector-test-sends.tsx') },
              { path: 'logto-json', lazy: () => import('./routes/connector-logto-json.tsx') },
              { path: 'logto', lazy: () => import('./routes/connector-logto.tsx') },
              { path: 'audit', lazy: () => import('./routes/connector-audit.tsx') },
            ],
          },
          { path: 'logto-tenants', lazy: () => import('./routes/logto-tenants.tsx') },
          { path: 'account', lazy: () => import('./routes/account.tsx') },
        ],
      },
      { path: '*', element: <RouteError notFound /> },
    ],
  },
]);
