import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { API_PATH_PREFIXES } from 'hamro-concert.contracts';

/** Where `npm run dev` finds the API; API_PROXY_TARGET overrides it (the browser code never sees it). */
const apiTarget = process.env.API_PROXY_TARGET ?? 'http://localhost:3000';

/**
 * In development Vite forwards every path the API answers, by the API's own list of prefixes (a
 * test in the API fails when a route is outside it), so the app's own routes stay with Vite.
 */
const apiPaths = `^/(${API_PATH_PREFIXES.map((prefix) => prefix.replace('.', '\\.')).join('|')})(/|\\?|$)`;

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      [apiPaths]: { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    target: 'es2022',
  },
});
