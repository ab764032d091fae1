import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { AppGate } from './app/AppGate.tsx';
import { ErrorBoundary } from './app/ErrorBoundary.tsx';
import './app/app.css';
import { setupI18n } from './i18n/index.ts';

setupI18n();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <AppGate />
      </ErrorBoundary>
    </StrictMode>,
  );
}
