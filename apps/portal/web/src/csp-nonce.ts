// The server puts a fresh nonce on <meta property="csp-nonce" nonce="…"> for every page load (Vite emits the
// tag from html.cspNonce). Browsers hide the nonce attribute from getAttribute, so read the property first.
export function readCspNonce(doc: Document = document): string | undefined {
  const meta = doc.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  const nonce = meta?.nonce || meta?.getAttribute('nonce') || meta?.getAttribute('content') || '';
  // An unreplaced placeholder means the page was not served by our server (e.g. `vite preview`).
  return nonce && nonce !== '__CSP_NONCE__' ? nonce : undefined;
}

/**
 * Libraries that add <style> tags at run time must carry the nonce: Mantine gets it through
 * MantineProvider's getStyleNonce; react-style-singleton (used by Mantine's Modal/Drawer scroll lock) reads
 * the webpack-era global through get-nonce.
 */
export function shareNonceWithLibraries(nonce: string | undefined): void {
  if (nonce) (globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = nonce;
}
