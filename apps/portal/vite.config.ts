import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Paths are absolute so the build works from the repo root, from apps/portal, and when the server loads
// this file with createServer({ configFile }) in middleware mode.
const webRoot = fileURLToPath(new URL('./web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

export default defineConfig({
  root: webRoot,
  // The server serves index.html itself and swaps every literal `__CSP_NONCE__` for a per-request nonce.
  // Vite puts this placeholder on each <script>/<style>/<link rel=stylesheet|modulepreload> it emits and adds
  // <meta property="csp-nonce" nonce="…">, which its dev client and our main.tsx read (see docs/web.md).
  html: { cspNonce: '__CSP_NONCE__' },
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
});
