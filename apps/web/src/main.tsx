import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { i18nReady } from './app/i18n.ts';
import { applyTheme, storedTheme } from './lib/theme.ts';
import './styles/tokens.css';
import './styles.css';

applyTheme(storedTheme());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The first screen's catalogs are a chunk of their own: render once they are in, so no key shows as text.
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
