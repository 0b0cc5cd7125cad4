import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -w apps/portal` writes a new SQL migration from the modules' tables.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
