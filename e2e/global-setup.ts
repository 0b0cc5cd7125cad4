import { buildWeb, startPortal } from './portal';

// One portal for the whole e2e run; specs read its address from E2E_BASE_URL.
export default async function globalSetup() {
  buildWeb();
  const portal = await startPortal();
  process.env.E2E_BASE_URL = portal.url;
  process.env.E2E_SIGNER_URL = portal.signerUrl;
  return () => portal.stop();
}
