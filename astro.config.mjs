// The progress site. `okr build` runs Astro with this config and passes
// `site`, `base` and `outDir` from its flags; see src/site/build-site.ts.
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'ignore',
  // Pages are independent and much of a page's time is spent waiting for its file to be
  // written: a few at a time keep the one JavaScript thread busy meanwhile.
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [sitemap({ filter: (page) => !/\/404\/?$/.test(page) })],
});
