// The journey file: one journey as a self-contained, versioned JSON document (docs/journey-format.md).
// It carries what the journey needs from its workspace (the email templates its steps send, in
// every language, and the segments they name), so it can be imported into any workspace; steps
// name those by the file's own `ref`, which import rewires to the new ids.
import { z } from 'zod';
import { journeyGraphSchema } from '../graph';
import { journeySettingsSchema } from '../settings';

export const JOURNEY_FILE_FORMAT = 'afterglow.journey';
/** The version this Afterglow writes and the newest it reads. */
export const JOURNEY_FILE_VERSION = 1;

const ref = z.string().trim().min(1).max(100);
const text = { subject: z.string().max(200), preheader: z.string().max(200).default(''), body: z.string().min(1).max(200_000) };
const variant = z.object(text);

export const fileTemplateSchema = z.object({
  ref,
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  kind: z.enum(['marketing', 'transactional']),
  ...text,
  language: z.enum(['en', 'sr', 'sl', 'ru']).default('en'),
  variants: z.strictObject({ en: variant.optional(), sr: variant.optional(), sl: variant.optional(), ru: variant.optional() }).default({}),
});

export const fileSegmentSchema = z.object({
  ref,
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  /** A segment rule as the Segments page saves it; checked against the importing workspace. */
  rule: z.record(z.string(), z.unknown()),
});

export const journeyFileSchema = z.object({
  format: z.literal(JOURNEY_FILE_FORMAT),
  version: z.literal(JOURNEY_FILE_VERSION),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  settings: journeySettingsSchema.default(() => journeySettingsSchema.parse({})),
  graph: journeyGraphSchema,
  templates: z.array(fileTemplateSchema).max(100).default([]),
  segments: z.array(fileSegmentSchema).max(100).default([]),
});

export type JourneyFile = z.output<typeof journeyFileSchema>;
/** A file as written by hand or by code: defaults may be left out. */
export type JourneyFileInput = z.input<typeof journeyFileSchema>;
export type FileTemplate = z.output<typeof fileTemplateSchema>;
export type FileSegment = z.output<typeof fileSegmentSchema>;
