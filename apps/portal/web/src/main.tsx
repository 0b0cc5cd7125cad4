import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readCspNonce, shareNonceWithLibraries } from './csp-nonce';
import { initI18n } from './i18n';

const nonce = readCspNonce();
shareNonceWithLibraries(nonce);

void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App nonce={nonce} />
    </StrictMode>,
  );
});
