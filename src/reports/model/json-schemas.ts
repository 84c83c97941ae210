/**
 * The versioned JSON Schemas of gongkai's machine-readable outputs, generated from the zod
 * schemas so they cannot drift: the structured report (`gongkai read --json`) and the check
 * result (`gongkai check --json`). `npm run schema` writes them to `schema/`; a test fails when
 * the committed files are stale.
 */
import { z } from 'zod';
import { findingSchema } from '../checker/finding.ts';
import { STRUCTURED_REPORT_SCHEMA_VERSION, structuredReportSchema } from './structured-report.ts';

/** The result of `gongkai check --json`: per input file, its findings (or why it could not be read). */
export const checkResultSchema = z.object({
  schemaVersion: z.literal(STRUCTURED_REPORT_SCHEMA_VERSION),
  files: z.array(
    z.object({
      file: z.string(),
      readable: z.boolean(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
      summary: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
      findings: z.array(findingSchema),
    }),
  ),
  crossYear: z
    .array(findingSchema)
    .describe('Reserved; empty in this version: findings comparing two years (V05, V06, V13) are listed under the later year\'s file'),
});
/** See {@link checkResultSchema}. */
export type CheckResult = z.infer<typeof checkResultSchema>;

/** Schema files written to `schema/`, by file name. */
export function jsonSchemas(): Record<string, unknown> {
  const major = STRUCTURED_REPORT_SCHEMA_VERSION.split('.')[0] ?? '1';
  const withId = (name: string, schema: z.ZodType, title: string): Record<string, unknown> => ({
    $id: `https://gongkai.example/schema/${name}`,
    title,
    ...z.toJSONSchema(schema, { target: 'draft-2020-12' }),
  });
  return {
    [`structured-report.v${major}.schema.json`]: withId(`structured-report.v${major}.schema.json`, structuredReportSchema, 'gongkai structured annual report'),
    [`check-result.v${major}.schema.json`]: withId(`check-result.v${major}.schema.json`, checkResultSchema, 'gongkai check result'),
  };
}
