import { NavLink, Outlet } from 'react-router';
import { UserMenu } from '../features/auth/components/user-menu.tsx';

export function Layout() {
  return (
    <div className="shell">
      <header className="header">
        <NavLink to="/" className="brand" aria-label="smsdesk home">
          <span className="brand-mark" aria-hidden="true">
            ✉
          </span>
          smsdesk
        </NavLink>
        <nav className="nav" aria-label="Main">
          <NavLink to="/connectors">Connectors</NavLink>
          <NavLink to="/account">Access</NavLink>
          <a href="/docs" target="_blank" rel="noreferrer">
            API docs
          </a>
        </nav>
        <UserMenu />
      </header>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}
