/**
 * A finding of the report checker: one rule's verdict on one place of a report. The checker
 * returns a list of these and never throws (STYLE §5.6: batch work returns result sets).
 */
import { z } from 'zod';
import { positionSchema } from '../model/structured-report.ts';

/** How bad a finding is: `error` breaks a rule of the format or statute; `warning` is likely wrong; `info` is worth a look. */
export const severitySchema = z.enum(['error', 'warning', 'info']);
/** See {@link severitySchema}. */
export type Severity = z.infer<typeof severitySchema>;

/** One finding. */
export const findingSchema = z.object({
  rule: z.string().describe('Rule id, e.g. V01, V07, V07-swap (RULES.md §6.2)'),
  severity: severitySchema,
  message: z.object({ zh: z.string(), en: z.string() }),
  cells: z
    .array(z.object({ id: z.string(), value: z.number().nullable(), position: positionSchema.nullable() }))
    .describe('The cells involved'),
  passages: z
    .array(z.object({ claim: z.string().nullable(), text: z.string(), position: positionSchema.nullable() }))
    .describe('The narrative passages involved'),
  expected: z.union([z.number(), z.string()]).nullable(),
  found: z.union([z.number(), z.string()]).nullable(),
  source: z.string().describe('Where the rule comes from, e.g. "RULES.md §6.2 V01; table 三 header"'),
  file: z.string().nullable().optional().describe('The input file, when checking several'),
});
/** See {@link findingSchema}. */
export type Finding = z.infer<typeof findingSchema>;
