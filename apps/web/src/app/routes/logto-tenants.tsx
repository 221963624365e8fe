import { TenantsPage } from '../../features/logto-tenants/components/tenants-page.tsx';

export function Component() {
  return <TenantsPage />;
}
