import dgram from "node:dgram";
import { fileURLToPath } from "node:url";
import {
  attr,
  Attr,
  decodePacket,
  disconnectRequest,
  verifyDisconnectResponse,
} from "../../src/network/radius/index.js";
import { type RunningSimulation, startSimulation } from "../../src/sim/index.js";
import { loadScenarios, type ScenarioOverrides, scenarioFromText } from "../../src/sim/scenario.js";
import type { TestOtter } from "../support/otter.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const HOUR = 3_600_000;

/**
 * A shipped scenario (or scenario text) running in-process against a test Otter: the story starts
 * at Otter's clock and moves Otter's clock along with it, so stories spanning hours take seconds.
 */
export async function startStory(
  t: TestOtter,
  source: { files: string[] } | { text: string },
  overrides: ScenarioOverrides = {},
  opts: { radiusPort?: number } = {},
) {
  const logs: string[] = [];
  const o = { start: { at: t.clock.now() }, ...overrides };
  const scenario =
    "files" in source
      ? await loadScenarios(
          source.files.map((f) => `${ROOT}${f}`),
          o,
        )
      : scenarioFromText([{ file: "test.yaml", text: source.text }], o);
  const running: RunningSimulation = await startSimulation(scenario, {
    url: t.url,
    apiKey: t.adminKey,
    accountingServer: { host: "127.0.0.1", port: opts.radiusPort ?? t.otter.radiusPort! },
    onTime: (now) => t.clock.set(now),
    log: (line) => logs.push(line),
  });
  return Object.assign(running, { logs });
}

/** Sends a Disconnect-Request (RFC 5176) as Otter would, and waits for the answer (null after `ms`). */
export async function sendDisconnect(
  port: number,
  secret: string,
  attrs: { sessionId?: string; userName?: string; framedIp?: string },
  ms = 1500,
) {
  const socket = dgram.createSocket("udp4");
  await new Promise<void>((r) => socket.bind(0, "127.0.0.1", () => r()));
  const identifier = Math.floor(Math.random() * 256);
  const request = disconnectRequest({
    identifier,
    secret,
    attributes: [
      ...(attrs.sessionId ? [attr.string(Attr.AcctSessionId, attrs.sessionId)] : []),
      ...(attrs.userName ? [attr.string(Attr.UserName, attrs.userName)] : []),
      ...(attrs.framedIp ? [attr.ipv4(Attr.FramedIpAddress, attrs.framedIp)] : []),
      attr.ipv4(Attr.NasIpAddress, "127.0.0.1"),
    ],
  });
  try {
    return await new Promise<{ code: number; errorCause: number | null; valid: boolean } | null>(
      (resolve) => {
        const timer = setTimeout(() => resolve(null), ms);
        socket.on("message", (msg) => {
          clearTimeout(timer);
          const p = decodePacket(msg);
          const cause = p.ok
            ? p.value.attributes.find((a) => a.kind === "standard" && a.type === Attr.ErrorCause)
            : undefined;
          resolve({
            code: msg[0]!,
            errorCause: cause ? cause.value.readUInt32BE(0) : null,
            valid: verifyDisconnectResponse(msg, request.subarray(4, 20), secret),
          });
        });
        socket.send(request, port, "127.0.0.1");
      },
    );
  } finally {
    socket.close();
  }
}
