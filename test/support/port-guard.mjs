// Refuses, in a test process, to listen on one of Otter's default ports (HTTP 8080, RADIUS 1813,
// SMTP 2525…): a test that did would fail beside a running `npm start`, or beside another test.
// port-guard.setup.ts passes the ports, read from Otter's config defaults, as {port: variable}. Plain
// JavaScript, so that the Node processes a test starts (`otter serve`, the CLI, a mail client) load it
// too, before tsx: NODE_OPTIONS imports this file with the ports in its URL (`?ports=<json>`), which
// survives the environment filtering a test does for its child (it drops OTTER_* variables).
import dgram from "node:dgram";
import net from "node:net";

const INSTALLED = Symbol.for("otter.test.portGuard");

/** The port a `listen`/`bind` call asks for, when it names one (a handle or a socket path does not). */
function requestedPort(args) {
  const first = args[0];
  const value = first !== null && typeof first === "object" ? first.port : first;
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

function refuse(kind, port, variable) {
  const error = new Error(
    `A test tried to listen on ${kind} port ${port}, Otter's default for ${variable}: ` +
      `it fails beside a running Otter (npm start) or another test. ` +
      `Set ${variable}=0 (a free port) in the config the test builds.`,
  );
  error.code = "OTTER_TEST_DEFAULT_PORT";
  return error;
}

/** @param {Record<string, string>} guarded port → the config variable it is the default of */
export function installPortGuard(guarded) {
  if (globalThis[INSTALLED]) return;
  globalThis[INSTALLED] = true;

  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function (...args) {
    const port = requestedPort(args);
    if (port !== undefined && guarded[port]) throw refuse("TCP", port, guarded[port]);
    return listen.apply(this, args);
  };
  const bind = dgram.Socket.prototype.bind;
  dgram.Socket.prototype.bind = function (...args) {
    const port = requestedPort(args);
    if (port !== undefined && guarded[port]) throw refuse("UDP", port, guarded[port]);
    return bind.apply(this, args);
  };
}

const fromUrl = new URL(import.meta.url).searchParams.get("ports");
if (fromUrl) installPortGuard(JSON.parse(fromUrl));
