import { z } from "zod";

export const pageQuery = {
  cursor: z
    .string()
    .max(200)
    .optional()
    .describe("Opaque cursor from a previous page's nextCursor."),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
};

export const page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
