/**
 * The site's content: objectives and missions from the history and the current files
 * (src/site/loader.ts), validated with the one schema. What the history adds to an
 * objective (scores, charts, check-ins) is computed per build, see src/site/content.ts.
 */
// The same `defineCollection` that `astro:content` wraps, from the package export Astro's own
// type tests use: importing `astro:content` here would load Astro's whole page-rendering
// runtime through Vite just to sync the content (about 0.3 s of every build).
import { defineCollection } from 'astro/content/config';
import { z } from 'astro/zod';
import type { HistoryWarning } from './core/history-types.ts';
import { MissionSchema, ObjectiveSchema } from './core/schema.ts';
import { missionsLoader, objectivesLoader, siteLoader } from './site/loader.ts';
import type { Problem } from './site/model.ts';

const objectives = defineCollection({
  loader: objectivesLoader(),
  schema: z.object({
    /** The current file's frontmatter; null once the file is gone (archived objectives). */
    frontmatter: ObjectiveSchema.nullable(),
    /** The initiatives: task list items of the body, and how many are done. */
    tasks: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  }),
});

const missions = defineCollection({
  loader: missionsLoader(),
  schema: z.object({
    path: z.string(),
    mission: MissionSchema.shape.mission,
    owner: z.string().nullable(),
    body: z.string(),
  }),
});

const site = defineCollection({
  loader: siteLoader(),
  schema: z.object({
    now: z.string(),
    generatedAt: z.string(),
    repo: z.string(),
    repoUrl: z.string().nullable(),
    /** Listed only with `--show-problems`; otherwise empty, and the site shows `problemCount`. */
    problems: z.custom<Problem[]>(),
    problemCount: z.number().int().nonnegative(),
    warnings: z.custom<HistoryWarning[]>(),
  }),
});

export const collections = { objectives, missions, site };
