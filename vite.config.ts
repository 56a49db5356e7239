import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/', import.meta.url));

// Two builds from one config:
//   vite build             → the web app in dist/app/
//   vite build --mode cli  → the command line in dist/cli/route-designer.js (plain Node ESM)
export default defineConfig(({ mode }) => {
  if (mode === 'cli') {
    return {
      build: {
        ssr: 'src/cli/main.ts',
        outDir: 'dist/cli',
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        sourcemap: false,
        rollupOptions: {
          output: { entryFileNames: 'route-designer.js', banner: '#!/usr/bin/env node' },
        },
      },
      ssr: { noExternal: true },
    };
  }
  return {
    plugins: [react()],
    base: './',
    resolve: {
      // monaco-yaml's worker manager deep-imports monaco-editor/esm/…, which the package's
      // exports map (≥ 0.56) no longer allows.
      alias: [{ find: /^monaco-editor\/esm\/(.*)$/, replacement: `${monacoEsm}$1` }],
    },
    optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
    worker: { format: 'es' },
    build: {
      outDir: 'dist/app',
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 4096,
      rollupOptions: {
        // The engine (src/core) is pure: importing a module of it has no effect. Saying so lets the
        // page bundle keep only what the main thread calls (the graph), while parsing and
        // validation (js-yaml, the schema validators) stay in the analysis worker's chunk.
        treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]core[\\/]/.test(id) },
      },
    },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  };
});
