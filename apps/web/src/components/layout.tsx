import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from './language-switch.tsx';
import { ThemeSwitch } from './theme-switch.tsx';

/** The shell. The signed-in user's corner comes from the app layer, so this file imports no feature. */
export function Layout({ userMenu }: { userMenu?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <header className="header">
        <NavLink to="/" className="brand" aria-label={t('app.home')}>
          <span className="brand-mark" aria-hidden="true">
            ✉
          </span>
          smsdesk
        </NavLink>
        <nav className="nav" aria-label={t('nav.label')}>
          <NavLink to="/connectors">{t('nav.connectors')}</NavLink>
          <NavLink to="/logto-tenants">{t('nav.logtoTenants')}</NavLink>
          <NavLink to="/account">{t('nav.access')}</NavLink>
          <a href="/docs" target="_blank" rel="noreferrer">
            {t('nav.apiDocs')}
          </a>
        </nav>
        <div className="header-controls">
          <LanguageSwitch />
          <ThemeSwitch />
          {userMenu}
        </div>
      </header>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}
