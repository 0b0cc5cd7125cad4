#!/usr/bin/env node
// `npx tereze …`: runs the TypeScript CLI through tsx (the portal runs from source; see docs/decisions).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const tsx = path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/cli.mjs');
const main = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/cli/main.ts');
const res = spawnSync(process.execPath, [tsx, main, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(res.status ?? 1);
