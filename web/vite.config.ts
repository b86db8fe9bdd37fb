import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the server at /admin; hashed assets under /admin/assets are cached for a year.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, reportCompressedSize: true },
  server: { proxy: { '/graphql': { target: 'http://localhost:4000', ws: true }, '/oauth': 'http://localhost:4000' } },
});
