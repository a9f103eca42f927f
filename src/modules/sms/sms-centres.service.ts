import type { Executor } from "../../db/database.js";
import { conflict, notFound, validationError } from "../../lib/errors.js";
import type { ConnectGuard } from "../../network/outbound-guard.js";
import {
  createEndpointRegistry,
  type EndpointRegistryDeps,
  outboundCheck,
} from "../network/endpoint-registry.js";
import { smsCentresRepo } from "./sms-centres.repo.js";

export interface SmsCentreInput {
  name: string;
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType?: string;
  sourceAddress: string;
  imsiPrefixes?: string[];
}

/** The SMS centres' error catalogue; codes are listed in docs/errors.md. */
const smsCentreErrors = {
  hostRefused: (reason: string) =>
    validationError("host", "SMS_CENTRE_HOST_NOT_PERMITTED", `\`host\` is refused: ${reason}`),
  nameTaken: (name: string) =>
    conflict("SMS_CENTRE_NAME_TAKEN", `An SMS centre named "${name}" already exists.`),
  notFound: (id: string) => notFound("SMS_CENTRE_NOT_FOUND", `SMS centre ${id} was not found.`),
};

/**
 * SMS centres (SMSCs) Otter binds to over SMPP to send SMS to devices, registered by the operator
 * like HSS endpoints. The SMPP password is kept sealed (secret box) and never returned. Like HSS
 * endpoints they may sit on a private network; an IP address is checked here, a host name when
 * Otter binds.
 */
export function createSmsCentresService(
  deps: EndpointRegistryDeps & { outbound: Pick<ConnectGuard, "checkLiteral"> },
) {
  const registry = createEndpointRegistry(deps, {
    entity: "sms_centre",
    repo: smsCentresRepo,
    errors: smsCentreErrors,
    address: {
      of: (input: Partial<SmsCentreInput>) => input.host,
      check: outboundCheck(deps.outbound, (host) => host, smsCentreErrors.hostRefused),
    },
    newRow: (input: SmsCentreInput, seal) => ({
      name: input.name,
      host: input.host,
      port: input.port,
      system_id: input.systemId,
      password_sealed: seal(input.password),
      system_type: input.systemType ?? "",
      source_address: input.sourceAddress,
      imsi_prefixes: [...new Set(input.imsiPrefixes ?? [])],
    }),
    sealedSecretOf: (row) => row.password_sealed,
    present: (c) => ({
      id: c.id,
      name: c.name,
      host: c.host,
      port: c.port,
      systemId: c.system_id,
      systemType: c.system_type,
      sourceAddress: c.source_address,
      imsiPrefixes: c.imsi_prefixes,
      createdAt: c.created_at.toISOString(),
    }),
    createdAuditData: (_input, _row, shown) => ({ ...shown, id: undefined, createdAt: undefined }),
  });
  return {
    create: registry.create,
    list: registry.list,
    remove: registry.remove,

    /** The centre that serves an IMSI: the longest matching prefix, or one without prefixes. */
    async forImsi(ex: Executor, imsi: string) {
      const centres = await smsCentresRepo.listImsiPrefixes(ex);
      const scored = centres
        .map((c) => ({
          c,
          score:
            c.imsi_prefixes.length === 0
              ? 0
              : Math.max(
                  -1,
                  ...c.imsi_prefixes.filter((p) => imsi.startsWith(p)).map((p) => p.length),
                ),
        }))
        .filter((x) => x.score >= 0)
        .sort((a, b) => b.score - a.score);
      return scored[0]?.c ?? null;
    },

    /** A centre with its password opened, for the SMPP link. */
    async credentials(ex: Executor, id: string) {
      const c = await smsCentresRepo.findById(ex, id);
      if (!c) return null;
      return {
        id: c.id,
        name: c.name,
        host: c.host,
        port: c.port,
        systemId: c.system_id,
        password: registry.secretOf(c),
        systemType: c.system_type,
        sourceAddress: c.source_address,
        version: c.updated_at.getTime(),
      };
    },
  };
}
export type SmsCentresService = ReturnType<typeof createSmsCentresService>;
