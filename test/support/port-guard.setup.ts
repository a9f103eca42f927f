import { defaultPorts } from "./default-ports.js";

/**
 * Vitest setup: no test may listen on one of Otter's default ports, in the test process or in a Node
 * process it starts. A suite that did would fail beside `npm start` (EADDRINUSE), or depend on what
 * else runs on the machine. Tests give Otter port 0 (a free port) instead.
 */
const guard = new URL("./port-guard.mjs", import.meta.url).href;
const ports = defaultPorts();
// A variable specifier: the guard is plain JavaScript, loaded as it is in child processes.
const { installPortGuard } = await import(guard);
installPortGuard(ports);

// Child processes inherit NODE_OPTIONS (run-cli.ts and process.ts keep it when they drop OTTER_*).
const preload = `--import=${guard}?ports=${encodeURIComponent(JSON.stringify(ports))}`;
if (!process.env.NODE_OPTIONS?.includes(guard)) {
  process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, preload].filter(Boolean).join(" ");
}
