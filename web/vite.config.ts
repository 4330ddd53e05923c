import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['convene-source'] },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', ws: true },
      '/healthz': 'http://localhost:3000',
      '/readyz': 'http://localhost:3000',
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What every page runs, in one file rather than a dozen (one request, one gzip
            // dictionary). The heavy libraries of some pages (react-aria-components, chart.js, diff)
            // stay in those pages' chunks. zod's browser configuration runs with zod, before any
            // chunk builds a schema.
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next|zod|use-sync-external-store)[\\/]|[\\/]shared[\\/]src[\\/]zod-config\.ts$/,
            },
            // The client's own plumbing every page uses (fetch and live clients, i18n, the session,
            // the shared schemas), and what the space page and others share of the discussion: two
            // files, not twenty small ones.
            {
              name: 'app',
              test: /[\\/]web[\\/]src[\\/](lib[\\/]|components[\\/]ErrorMessage|i18n[\\/][^\\/]+\.ts$|features[\\/]auth[\\/](api[\\/]me|utils[\\/]next))|[\\/]shared[\\/]src[\\/]/,
            },
            {
              name: 'discussion-core',
              test: /[\\/]web[\\/]src[\\/]features[\\/](discussion[\\/](lib[\\/]|context|api[\\/](get|markSeen|withdraw)|hooks[\\/](useCommentCache|useLiveDiscussion|useCommentFromHash))|spaces[\\/](lib|components[\\/]SpaceStatus))/,
            },
          ],
        },
      },
    },
  },
});
