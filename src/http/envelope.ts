import { z } from "zod";

/** The one error envelope every route answers with. */
export const errorEnvelope = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      text: z
        .string()
        .optional()
        .describe(
          "The refusal in the caller's language (docs/languages.md); in English it is the message.",
        ),
      requestId: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error", description: "The one error envelope of every Otter route." });

export const errorResponses = {
  400: errorEnvelope,
  401: errorEnvelope,
  403: errorEnvelope,
  404: errorEnvelope,
  409: errorEnvelope,
} as const;
