import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Paths the API answers; in development Vite forwards them to the API on port 3000. */
const API_PATHS = [
  'concerts',
  'ticket-tiers',
  'seats',
  'ticket-bookings',
  'bookings',
  'holds',
  'admin',
  'check-in',
  'docs',
  'openapi.json',
  'health',
];

/** Where `npm run dev` finds the API; API_PROXY_TARGET overrides it (the browser code never sees it). */
const apiTarget = process.env.API_PROXY_TARGET ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      [`^/(${API_PATHS.map((p) => p.replace('.', '\\.')).join('|')})(/|\\?|$)`]: {
        target: apiTarget,
        changeOrigin: true,
      },
    },
  },
  build: {
    target: 'es2022',
  },
});
