import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Where `npm run console:dev` sends API calls: the local stack, or CONSOLE_API (e.g. a `start:sim` on another port). */
const apiTarget = process.env.CONSOLE_API ?? 'http://127.0.0.1:5001';
const apiPaths = ['/auth', '/user', '/session', '/message', '/media', '/profile', '/webhooks', '/events', '/health', '/api-docs'];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: apiTarget, changeOrigin: true }])) },
});
