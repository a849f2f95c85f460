// The progress site. `okr build` runs Astro with this config and passes
// `site`, `base` and `outDir` from its flags; see src/site/build-site.ts.
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [sitemap({ filter: (page) => !/\/404\/?$/.test(page) })],
});
