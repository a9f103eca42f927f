import type { FastifyRequest } from "fastify";
import { OtterError } from "../lib/errors.js";
import type { Principal } from "../modules/auth/principal.js";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal)
    throw new OtterError(
      "unauthenticated",
      "UNAUTHENTICATED",
      "Send an API key as 'Authorization: Bearer <key>'.",
    );
  return req.principal;
}
