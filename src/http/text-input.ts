/**
 * Text Otter cannot store: PostgreSQL refuses a NUL character in `text` and `jsonb` (SQLSTATE 22021
 * / 22P05), and a lone UTF-16 surrogate has no UTF-8 form. Found at the HTTP edge, once for every
 * route, so such input answers 400 naming the field instead of failing deep inside a query.
 */
export interface BadText {
  /** Dotted path of the field (`name`, `apns.0.name`), the query or path parameter, or `body`. */
  field: string;
  /** For a text body (NDJSON), the line it is on. */
  line?: number;
  message: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** At most this many fields are named in one answer. */
export const MAX_REPORTED = 20;

export function textProblem(s: string): string | null {
  return textProblemAt(s)?.message ?? null;
}

function textProblemAt(s: string): { index: number; message: string } | null {
  const nul = s.indexOf("\u0000");
  if (nul >= 0)
    return { index: nul, message: "contains a NUL character (\\u0000), which Otter cannot store" };
  const lone = LONE_SURROGATE.exec(s);
  if (lone)
    return {
      index: lone.index,
      message: "contains a lone UTF-16 surrogate, which is not valid Unicode",
    };
  return null;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object") return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Every string (and object key) in a parsed JSON body, query or path parameters that Otter cannot
 * store, up to MAX_REPORTED. Streams and buffers (CSV uploads) are left to their own parsers.
 * Iterative, so a deeply nested body cannot exhaust the stack.
 */
export function findBadText(value: unknown, root = ""): BadText[] {
  const found: BadText[] = [];
  const at = (path: string, key: string) => (path ? `${path}.${key}` : key);
  if (typeof value === "string") {
    // A text body (NDJSON): name the line, as file uploads do.
    const problem = textProblemAt(value);
    if (problem)
      found.push({
        field: root || "body",
        line: value.slice(0, problem.index).split("\n").length,
        message: problem.message,
      });
    return found;
  }
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      const problem = textProblem(v);
      if (problem) found.push({ field: path || "body", message: problem });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], at(path, String(i))]);
    } else if (isPlain(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const problem = textProblem(key);
        if (problem)
          found.push({
            field: at(path, JSON.stringify(key).slice(1, -1)),
            message: `the field name ${problem}`,
          });
        else stack.push([v[key], at(path, key)]);
      }
    }
  }
  return found.slice(0, MAX_REPORTED);
}

/**
 * Query parameters whose percent-encoding does not decode to UTF-8 (`%ED%A0%80`, a lone surrogate's
 * bytes, or a stray `%`). Fastify's parser keeps such a value as it came; Otter refuses it instead.
 */
export function undecodableQuery(url: string): BadText[] {
  const q = url.indexOf("?");
  if (q < 0) return [];
  const found: BadText[] = [];
  for (const pair of url.slice(q + 1).split("&")) {
    if (!pair.includes("%")) continue;
    const eq = pair.indexOf("=");
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const key = decode(rawKey);
    if (key === null) {
      found.push({
        field: rawKey.slice(0, 100),
        message: "the parameter name is not valid percent-encoded UTF-8",
      });
    } else if (eq >= 0 && decode(pair.slice(eq + 1)) === null) {
      found.push({ field: key, message: "is not valid percent-encoded UTF-8" });
    }
    if (found.length >= MAX_REPORTED) break;
  }
  return found;
}

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** The path segments that are not valid percent-encoded UTF-8, replaced by `marker` (to find the route). */
export function markUndecodableSegments(
  path: string,
  marker: string,
): { path: string; marked: boolean } {
  let marked = false;
  const out = path.split("/").map((seg) => {
    if (decodes(seg)) return seg;
    marked = true;
    return marker;
  });
  return { path: out.join("/"), marked };
}
