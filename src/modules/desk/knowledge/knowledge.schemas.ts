import { z } from "zod";

const tags = z
  .array(z.string().min(1).max(50))
  .max(20)
  .describe("Free tags, compared case-insensitively.");

export const macroInput = z
  .object({
    name: z.string().min(1).max(200),
    body: z
      .string()
      .min(1)
      .max(20_000)
      .describe(
        "Reply text with placeholders such as {{contact.firstName}}, {{case.number}}, {{sim.iccid}}, {{agent.name}}.",
      ),
    tags: tags.optional(),
  })
  .strict();
export const macroPatch = macroInput.partial().strict();
export const macroOut = z
  .object({
    id: z.string(),
    name: z.string(),
    body: z.string(),
    tags: z.array(z.string()),
    placeholders: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Macro" });
export const macroList = z.object({ items: z.array(macroOut) });
export const macroQuery = z.object({
  q: z.string().max(200).optional(),
  tag: z.string().max(50).optional(),
});
export const idParams = z.object({ id: z.string() });
export const renderParams = z.object({ id: z.string(), macroId: z.string() });
export const renderOut = z.object({
  macroId: z.string(),
  caseId: z.string(),
  body: z.string().describe("The text to edit and send as a reply."),
  missing: z
    .array(z.string())
    .describe("Placeholders with no value for this case; they stay in the text as {{name}}."),
});

export const articleInput = z
  .object({
    title: z.string().min(1).max(300),
    body: z.string().min(1).max(100_000),
    tags: tags.optional(),
  })
  .strict();
export const articlePatch = articleInput.partial().strict();
export const articleOut = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    tags: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Article" });
export const articleList = z.object({ items: z.array(articleOut) });
export const articleQuery = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .describe("Words to find (full text, 'simple' configuration) or a fragment of a title."),
  tag: z.string().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
