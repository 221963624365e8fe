import { createBrowserRouter } from 'react-router';
import { Layout } from '../components/layout.tsx';
import { RouteError } from '../components/route-error.tsx';
import { RequireAuth } from '../features/auth/components/require-auth.tsx';
import { UserMenu } from '../features/auth/components/user-menu.tsx';
import { CallbackPage } from './routes/callback.tsx';
import { loadAllCatalogs } from './i18n.ts';
import { LandingPage } from './routes/landing.tsx';

/** A page behind sign-in: its code and every catalog of the language in use, both in before it renders. */
const page =
  <T,>(load: () => Promise<T>) =>
  async () =>
    (await Promise.all([load(), loadAllCatalogs()]))[0];

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
          { path: 'connectors', lazy: page(() => import('./routes/connectors.tsx')) },
          { path: 'connectors/new', lazy: page(() => import('./routes/connector-new.tsx')) },
          { path: 'connectors/:id/edit', lazy: page(() => import('./routes/connector-edit.tsx')) },
          {
            // The connector page; its tabs are child routes (see the tabs array in connector-detail.tsx).
            path: 'connectors/:id',
            lazy: page(() => import('./routes/connector-detail.tsx')),
            children: [
              { index: true, lazy: page(() => import('./routes/connector-overview.tsx')) },
              { path: 'health', lazy: page(() => import('./routes/connector-health.tsx')) },
              { path: 'templates', lazy: page(() => import('./routes/connector-templates.tsx')) },
              { path: 'test-sends', lazy: page(() => import('./routes/connector-test-sends.tsx')) },
              { path: 'logto-json', lazy: page(() => import('./routes/connector-logto-json.tsx')) },
              { path: 'logto', lazy: page(() => import('./routes/connector-logto.tsx')) },
              { path: 'audit', lazy: page(() => import('./routes/connector-audit.tsx')) },
            ],
          },
          { path: 'logto-tenants', lazy: page(() => import('./routes/logto-tenants.tsx')) },
          { path: 'account', lazy: page(() => import('./routes/account.tsx')) },
        ],
      },
      { path: '*', element: <RouteError notFound /> },
    ],
  },
]);
