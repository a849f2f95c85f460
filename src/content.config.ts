/**
 * The site's content: objectives (with their check-ins) and missions from the history and
 * the current files (src/site/loader.ts), validated with the one schema.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import type { Checkin, HistoryWarning, ObjectiveHistory } from './core/history-types.ts';
import { MissionSchema, ObjectiveSchema } from './core/schema.ts';
import { missionsLoader, objectivesLoader, siteLoader } from './site/loader.ts';
import type { ObjectiveView, Problem } from './site/model.ts';

const objectives = defineCollection({
  loader: objectivesLoader(),
  schema: z.object({
    /** The current file's frontmatter; null once the file is gone (archived objectives). */
    frontmatter: ObjectiveSchema.nullable(),
    history: z.custom<ObjectiveHistory>(),
    view: z.custom<ObjectiveView>(),
    /** Its check-ins, newest first: kept with the objective, so 20,000 check-ins are 200 entries, not 20,000. */
    checkins: z.custom<Checkin[]>(),
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
    problems: z.custom<Problem[]>(),
    warnings: z.custom<HistoryWarning[]>(),
  }),
});

export const collections = { objectives, missions, site };
