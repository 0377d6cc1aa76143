import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact()],
  test: {
    environment: 'happy-dom',
    // Relative API URLs resolve against the page, as they do when the stack serves the console.
    environmentOptions: { happyDOM: { url: 'http://127.0.0.1:5001/' } },
    include: ['test/**/*.test.{ts,tsx}'],
    maxWorkers: 1,
  },
});
