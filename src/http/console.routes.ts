import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** Where `vite build` writes the console (console/vite.config.ts); the same from src/ and dist/. */
export const CONSOLE_DIST = join(dirname(fileURLToPath(import.meta.url)), "../../console/dist");

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Otter</title>
<p>The console is not built in this checkout: run <code>npm run build</code> (or <code>npm start</code>, which builds it).
The API is at <a href="/api/v1/openapi.json">/api/v1</a>.</p></html>`;

/**
 * Serves the web console at `/` from the same origin and port as the API: its hashed assets with a
 * long cache life, and index.html for every other GET outside /api/ (the console routes in the
 * browser: /sims/8944…, /cases/12, /set-password#token=…), so each deep link opens its page.
 */
export function consoleRoutes(root = CONSOLE_DIST) {
  return async (app: FastifyInstance) => {
    const built = existsSync(join(root, "index.html"));
    const index = built ? readFileSync(join(root, "index.html")) : Buffer.from(NOT_BUILT);
    if (built)
      await app.register(fastifyStatic, {
        root: join(root, "assets"),
        prefix: "/assets/",
        wildcard: true,
        index: false,
        immutable: true,
        maxAge: "365d",
      });
    const page = (reply: import("fastify").FastifyReply) =>
      reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-cache")
        .header(
          "content-security-policy",
          "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
        )
        .header("x-content-type-options", "nosniff")
        .send(index);
    app.get("/", { schema: { hide: true } }, (_req, reply) => page(reply));
    // Every console path: the SPA's router decides what it shows (its own "not found" page included).
    app.get("/*", { schema: { hide: true } }, (req, reply) => {
      const path = req.url.split("?")[0]!;
      if (path.startsWith("/api/") || path.startsWith("/assets/")) return reply.callNotFound();
      return page(reply);
    });
  };
}
