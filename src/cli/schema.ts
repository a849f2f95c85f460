/** `okr schema`: the JSON Schemas editors use, generated from the one zod schema. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { jsonSchemas } from '../core/schema.ts';

export interface SchemaFlags {
  kind: 'objective' | 'mission' | 'config' | 'okrs' | 'okrs-objective' | 'org';
  write?: string;
}

export async function schemaCommand(flags: SchemaFlags): Promise<number> {
  const schemas = jsonSchemas();
  if (flags.write === undefined) {
    process.stdout.write(serialise(schemas[flags.kind]));
    return 0;
  }
  await mkdir(flags.write, { recursive: true });
  for (const [kind, schema] of Object.entries(schemas)) {
    const file = path.join(flags.write, `${kind}.schema.json`);
    await writeFile(file, serialise(schema));
    process.stdout.write(`wrote ${file}\n`);
  }
  return 0;
}

export function serialise(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
