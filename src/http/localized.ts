import { z } from "zod";

/**
 * A text Otter composed, as every answer carries it beside its long-standing English field: a
 * stable code, its parameters (ISO instants, milliseconds, byte counts, codes; a nested message is
 * `{ code, params }`), and the text in the caller's language and time zone (docs/languages.md).
 */
export const localizedMessage = z
  .object({
    code: z.string().describe("Stable code of the message, e.g. `session.hung`."),
    params: z.record(z.string(), z.unknown()),
    text: z.string().describe("The message in the caller's language and time zone."),
  })
  .meta({ id: "LocalizedMessage" });
