/** The RADIUS codec: pure functions over octets, shared by the accounting server and the simulator. */
export type { Result } from "./result.js";
export * from "./packet.js";
export * from "./dictionary.js";
export * from "./authenticator.js";
export * from "./accounting.js";
export * from "./uli.js";
export * from "./timezone.js";
