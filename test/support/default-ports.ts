import { describeConfig } from "../../src/app/config.js";

/**
 * Otter's default listening ports, read from the config schema: every `*_PORT` setting with a fixed
 * default, as port → variable ({"8080": "OTTER_HTTP_PORT", "1813": "OTTER_RADIUS_PORT", ...}).
 */
export function defaultPorts(): Record<string, string> {
  return Object.fromEntries(
    describeConfig()
      .filter((c) => c.name.endsWith("_PORT") && /^[1-9]\d*$/.test(c.default))
      .map((c) => [c.default, c.name]),
  );
}
