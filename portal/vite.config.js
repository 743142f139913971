import { defineConfig } from 'vite';

// Built into the app's jar: Spring Boot serves target/classes/static at /.
export default defineConfig({
  base: '/',
  build: {
    outDir: process.env.PORTAL_OUT_DIR || 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // form-js (with its FEEL engine) is one large chunk; it is served from the jar, never a CDN
    chunkSizeWarningLimit: 1500,
  },
});
