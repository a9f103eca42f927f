import { z } from "zod";
import type { Parsed } from "../lib/identifiers.js";

/**
 * A zod string that must pass one of Otter's identifier parsers; yields the normalised, branded
 * value. A failure names the parser's code (`ICCID_CHECK_DIGIT`, ...) in the 400's details.
 */
export const identifier = <T extends string>(parse: (s: string) => Parsed<T>) =>
  z.string().transform((v, ctx): T => {
    const r = parse(v);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.message, params: { code: r.code } });
      return z.NEVER;
    }
    return r.value;
  });
