/** The module the site integration hands its inputs through (src/site/integration.ts). */
declare module 'virtual:gitops-okr/inputs' {
  /** What the pages are built from, read once before the build. */
  export const inputs: import('./inputs.ts').SiteInputs;
  /** Where the OKR pages are under the site's base, e.g. `/` or `/okrs/`. */
  export const route: string;
  /** Whether the OKR pages are the whole site (`okr build`) rather than part of another one. */
  export const standalone: boolean;
  /** The site's base when the build hands it over at render time (`okr build`); else Astro's `BASE_URL` is. */
  export const base: string | undefined;
}
