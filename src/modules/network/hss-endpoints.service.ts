import { conflict, notFound, validationError } from "../../lib/errors.js";
import type { ConnectGuard } from "../../network/outbound-guard.js";
import {
  createEndpointRegistry,
  type EndpointRegistryDeps,
  outboundCheck,
} from "./endpoint-registry.js";
import { hssEndpointsRepo } from "./hss-endpoints.repo.js";

export interface HssEndpointInput {
  name: string;
  url: string;
  secret: string;
  imsiPrefixes?: string[];
}

/** The HSS endpoints' error catalogue; codes are listed in docs/errors.md. */
const hssEndpointErrors = {
  urlRefused: (reason: string) =>
    validationError("url", "HSS_ENDPOINT_URL_NOT_PERMITTED", `\`url\` is refused: ${reason}`),
  nameTaken: (name: string) =>
    conflict("HSS_ENDPOINT_NAME_TAKEN", `An HSS endpoint named "${name}" already exists.`),
  notFound: (id: string) => notFound("HSS_ENDPOINT_NOT_FOUND", `HSS endpoint ${id} was not found.`),
};

/**
 * HSS endpoints: where Otter sends cancel-location requests (a reset makes the device re-attach).
 * The operator's own: they may sit on a private network; loopback and the like need OTTER_OUTBOUND_ALLOW.
 * An IP address is checked here; a host name when Otter connects (it may resolve only where Otter runs).
 */
export function createHssEndpointsService(
  deps: EndpointRegistryDeps & { outbound: Pick<ConnectGuard, "checkLiteral"> },
) {
  const registry = createEndpointRegistry(deps, {
    entity: "hss_endpoint",
    repo: hssEndpointsRepo,
    errors: hssEndpointErrors,
    address: {
      of: (input: Partial<HssEndpointInput>) => input.url,
      check: outboundCheck(
        deps.outbound,
        (url) => new URL(url).hostname,
        hssEndpointErrors.urlRefused,
      ),
    },
    newRow: (input: HssEndpointInput, seal) => ({
      name: input.name,
      url: input.url,
      secret_sealed: seal(input.secret),
      imsi_prefixes: [...new Set(input.imsiPrefixes ?? [])],
    }),
    sealedSecretOf: (row) => row.secret_sealed,
    present: (e) => ({
      id: e.id,
      name: e.name,
      url: e.url,
      imsiPrefixes: e.imsi_prefixes,
      createdAt: e.created_at.toISOString(),
    }),
    createdAuditData: (input, row) => ({
      name: input.name,
      url: input.url,
      imsiPrefixes: row.imsi_prefixes,
    }),
  });
  return { create: registry.create, list: registry.list, remove: registry.remove };
}
export type HssEndpointsService = ReturnType<typeof createHssEndpointsService>;
