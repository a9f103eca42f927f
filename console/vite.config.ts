import { defineConfig } from "vite";

// The console's build: one static folder (console/dist) that Otter serves at `/` (src/http/console.routes.ts).
// Every asset is in it: no CDN, no font or tile server. Pages are split per route (React.lazy), so the
// first route's JavaScript stays small (npm run bench:console measures it).
export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      // React libraries mark their modules "use client" for server components; a client-only
      // bundle has no use for the directive, and the warning for each of them hides real ones.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
