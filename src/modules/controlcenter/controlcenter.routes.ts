import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { OtterError } from "../../lib/errors.js";
import type { Principal } from "../auth/principal.js";
import { createThrottle } from "./cc-throttle.js";
import { parseFields, parsePaging, pickFields, requireCcDate } from "./cc-wire.js";
import { CcError, ccErrors } from "./controlcenter.errors.js";
import {
  onlyKnown,
  parseDeviceEdit,
  parseDeviceSearch,
  type Query,
} from "./controlcenter.schemas.js";
import type { ControlCenterService } from "./controlcenter.service.js";

type Handler = (req: FastifyRequest, reply: FastifyReply, principal: Principal) => unknown;

/** Every route of /rws/api/v1 as "METHOD /path" (the isolation sweep checks each has an entry). */
export const CC_ROUTES = new Set<string>();

/** Paths Control Center offers that have no meaning in Otter: they answer its "forbidden", not a 404. */
const UNMAPPED: [string, string, string][] = [
  ["POST", "/accounts", "Create Account (accounts are created in Otter's console or /api/v1)"],
  ["PUT", "/accounts/:id", "Edit Account"],
  ["GET", "/accounts/:id/applicationSettings", "Account application settings"],
  ["PUT", "/accounts/:id/applicationSettings", "Account application settings"],
  ["GET", "/accounts/:id/billingSettings", "Account billing settings"],
  ["PUT", "/accounts/:id/billingSettings", "Account billing settings"],
  ["GET", "/customers", "Customers"],
  ["POST", "/customers", "Customers"],
  ["GET", "/customers/:id", "Customers"],
  ["PUT", "/customers/:id", "Customers"],
  ["POST", "/users", "Create User (users are invited in Otter's console or /api/v1)"],
  ["PUT", "/users/:id", "Edit User"],
  ["DELETE", "/users/:id", "Delete User"],
  ["PUT", "/users/:id/resetPassword", "Reset Password"],
  ["GET", "/apikey/:id", "Get API key (keys are shown once, at creation)"],
  ["GET", "/eventplan/:iccid", "Event plans"],
  ["PUT", "/eventplan/:iccid", "Event plans"],
  ["PUT", "/editeventplan/:iccid", "Event plans"],
  ["GET", "/dynareport/*", "Dynamic Reports"],
  ["GET", "/devices/:iccid/sessionDetails", "Session details"],
];

/**
 * Control Center's REST API at /rws/api/v1 (docs/control-center.md): HTTP Basic with the user's
 * e-mail and API key, Control Center's error body and codes, its own rate limit with RateLimit-*
 * headers. Not in Otter's OpenAPI document: its shape is Control Center's, documented there.
 */
export const controlcenterRoutes =
  (s: { controlcenter: ControlCenterService }, opts: { ratePerSecond: number }) =>
  async (app: FastifyInstance) => {
    const cc = s.controlcenter;
    const throttle = opts.ratePerSecond > 0 ? createThrottle(opts.ratePerSecond) : null;

    app.addHook("onRequest", async (req, reply) => {
      const version = /^\/rws\/api\/([^/?]+)/.exec(req.url)?.[1];
      const header = req.headers.authorization;
      const basic = header?.match(/^Basic\s+(\S+)\s*$/i);
      let username = "";
      let apiKey = "";
      if (basic) {
        const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
        const colon = decoded.indexOf(":");
        username = colon >= 0 ? decoded.slice(0, colon) : decoded;
        apiKey = colon >= 0 ? decoded.slice(colon + 1) : "";
      }
      if (throttle) {
        const key = apiKey
          ? createHash("sha256").update(apiKey).digest("base64url")
          : `ip:${req.ip}`;
        const v = throttle(key);
        reply.header("RateLimit-Limit", String(v.limit));
        reply.header("RateLimit-Remaining", String(v.remaining));
        reply.header("RateLimit-Reset", String(v.resetSeconds));
        if (!v.allowed) throw ccErrors.rateLimited(v.limit, v.resetSeconds);
      }
      if (version !== undefined && version !== "v1") throw ccErrors.invalidApiVersion(version);
      if (!basic || !apiKey) {
        reply.header("WWW-Authenticate", 'Basic realm="Control Center API"');
        throw ccErrors.authenticationRequired();
      }
      const principal = await cc.authenticate(username, apiKey, {
        fresh: !["GET", "HEAD"].includes(req.method),
      });
      if (!principal) {
        reply.header("WWW-Authenticate", 'Basic realm="Control Center API"');
        throw ccErrors.invalidCredentials();
      }
      req.principal = principal;
    });

    app.setErrorHandler((err, req, reply) => {
      const e = toCcError(err);
      if (e.status >= 500) req.log.error({ err }, "control center request failed");
      if (e.retryAfterSeconds !== undefined)
        reply.header("Retry-After", String(e.retryAfterSeconds));
      return reply.code(e.status).send(e.body);
    });

    const unknownPath = (req: FastifyRequest, reply: FastifyReply) => {
      const path = req.url.split("?")[0]!;
      return reply
        .code(404)
        .send(
          new CcError(
            404,
            "10000028",
            `Resource not found: ${req.method} ${path} is not part of the Control Center API.`,
          ).body,
        );
    };
    app.setNotFoundHandler(unknownPath);
    // Before the console's catch-all: an unknown /rws path is Control Center's "not found".
    app.all("/*", { schema: { hide: true } }, unknownPath);

    /** A route at its path and with a trailing slash (clients send both). */
    function route(method: "GET" | "PUT" | "POST" | "DELETE", path: string, handler: Handler) {
      CC_ROUTES.add(`${method} ${path}`);
      for (const url of path.endsWith("*") ? [path] : [path, `${path}/`])
        app.route({
          method,
          url: `/api/v1${url}`,
          // Control Center's shape, documented in docs/control-center.md, not Otter's OpenAPI.
          schema: { hide: true },
          handler: async (req, reply) => {
            const result = await handler(req, reply, req.principal!);
            if (reply.sent) return reply;
            return result;
          },
        });
    }

    const query = (req: FastifyRequest) => (req.query ?? {}) as Query;
    const fieldsOf = (req: FastifyRequest) => parseFields(asString(query(req).fields));
    const iccidOf = (req: FastifyRequest) => (req.params as { iccid: string }).iccid;

    route("GET", "/echo", () => ({ context: null, value: null }));
    route("GET", "/echo/:param", (req) => {
      const param = (req.params as { param: string }).param;
      return { context: param, value: param };
    });

    route("GET", "/devices", async (req, _reply, p) => {
      const q = query(req);
      const paging = parsePaging({
        pageSize: asString(q.pageSize),
        pageNumber: asString(q.pageNumber),
      });
      return cc.searchDevices(p, parseDeviceSearch(q), paging);
    });

    route("GET", "/devices/:iccid", async (req, _reply, p) =>
      pickFields(await cc.device(p, iccidOf(req)), fieldsOf(req)),
    );

    // Up to 50 devices at once; one the caller may not see is simply absent, as an unknown one.
    route("GET", "/bulk/devices/:iccids", async (req, _reply, p) => {
      const iccids = (req.params as { iccids: string }).iccids
        .split(",")
        .map((i) => i.trim())
        .filter(Boolean);
      if (iccids.length === 0) throw ccErrors.requiredFieldsMissing("iccids");
      if (iccids.length > 50) throw ccErrors.invalidIccid("more than 50 ICCIDs at once");
      const fields = fieldsOf(req);
      const devices = [];
      for (const iccid of iccids) {
        try {
          devices.push(pickFields(await cc.device(p, iccid), fields));
        } catch (err) {
          if (!(err instanceof OtterError && err.code === "SIM_NOT_FOUND")) throw err;
        }
      }
      return { devices };
    });

    route("PUT", "/devices/:iccid", async (req, reply, p) => {
      const key = req.headers["idempotency-key"];
      const result = await cc.editDevice(
        p,
        iccidOf(req),
        parseDeviceEdit(req.body),
        typeof key === "string" && key.length > 0 && key.length <= 200 ? key : undefined,
      );
      return reply.code(result.status).send({ iccid: result.iccid });
    });

    const pagingOf = (req: FastifyRequest) =>
      parsePaging({
        pageSize: asString(query(req).pageSize),
        pageNumber: asString(query(req).pageNumber),
      });
    const dateParam = (req: FastifyRequest, name: string) => {
      const v = asString(query(req)[name]);
      return v ? requireCcDate(name, v) : undefined;
    };

    route("GET", "/devices/:iccid/ctdUsages", async (req, _reply, p) =>
      pickFields(await cc.ctdUsages(p, iccidOf(req)), fieldsOf(req)),
    );

    route("GET", "/devices/:iccid/usageInZone", async (req, _reply, p) => {
      const q = query(req);
      onlyKnown(q, ["cycleStartDate", "ratePlan", "zone", "isActiveRatePlan"]);
      return cc.usageInZone(p, iccidOf(req), {
        cycleStartDate: dateParam(req, "cycleStartDate"),
        ratePlan: asString(q.ratePlan) || undefined,
        zone: asString(q.zone) || undefined,
      });
    });

    route("GET", "/devices/:iccid/sessionInfo", async (req, _reply, p) =>
      pickFields(await cc.sessionInfo(p, iccidOf(req)), fieldsOf(req)),
    );

    route("GET", "/devices/:iccid/auditTrails", async (req, _reply, p) => {
      const raw = asString(query(req).daysOfHistory);
      let days = 30;
      if (raw !== undefined && raw !== "") {
        days = Number(raw);
        if (!/^\d{1,4}$/.test(raw.trim()) || days < 1 || days > 365)
          throw ccErrors.daysOfHistoryTooLarge(raw);
      }
      return cc.auditTrails(p, iccidOf(req), days, pagingOf(req));
    });

    route("GET", "/devices/:iccid/locationHistory", async (req, _reply, p) => {
      const fromDate = dateParam(req, "fromDate");
      const toDate = dateParam(req, "toDate");
      if (fromDate && toDate && toDate < fromDate) throw ccErrors.toDateBeforeFromDate();
      return cc.locationHistory(p, iccidOf(req), { fromDate, toDate }, pagingOf(req));
    });

    route("GET", "/usages", async (req, _reply, p) => {
      const q = query(req);
      onlyKnown(q, ["ratePlanName", "cycleStartDate", "usageType", "ratePlanVersion"]);
      const ratePlanName = asString(q.ratePlanName);
      if (!ratePlanName) throw ccErrors.requiredFieldsMissing("ratePlanName");
      const usageType = asString(q.usageType);
      if (usageType && !["DATA", "SMS", "VOICE"].includes(usageType.toUpperCase()))
        throw ccErrors.unrecognizedParameter(`usageType=${usageType}`, "DATA, SMS or VOICE");
      return cc.usagesByRatePlan(
        p,
        { ratePlanName, cycleStartDate: dateParam(req, "cycleStartDate") },
        pagingOf(req),
      );
    });

    route("GET", "/rateplans", async (req, _reply, p) => {
      const accountId = asString(query(req).accountId)?.trim();
      return cc.ratePlans(p, { accountId: accountId || undefined }, pagingOf(req));
    });

    route("GET", "/accounts", async (req, _reply, p) => cc.accounts(p, pagingOf(req)));
    route("GET", "/accounts/:id", async (req, _reply, p) =>
      pickFields(await cc.account(p, (req.params as { id: string }).id), fieldsOf(req)),
    );
    route("GET", "/accounts/:id/ratePlans", async (req, _reply, p) =>
      cc.ratePlans(p, { accountId: (req.params as { id: string }).id }, pagingOf(req)),
    );

    route("GET", "/users", async (req, _reply, p) => cc.users(p, pagingOf(req)));
    route("GET", "/users/:id", async (req, _reply, p) =>
      pickFields(await cc.user(p, (req.params as { id: string }).id), fieldsOf(req)),
    );

    route("POST", "/devices/transferDeviceToAccount", async (req, reply, p) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const accountId = body.accountId === undefined ? "" : String(body.accountId);
      const iccids = body.iccids;
      if (!accountId || !Array.isArray(iccids) || iccids.length === 0)
        throw ccErrors.requiredFieldsMissing("accountId and iccids");
      if (iccids.length > 10_000 || iccids.some((i) => typeof i !== "string" || i.length > 22))
        throw ccErrors.invalidIccid(String(iccids.find((i) => typeof i !== "string") ?? ""));
      const str = (k: string) =>
        typeof body[k] === "string" && body[k] ? (body[k] as string) : undefined;
      const result = await cc.transferDevices(p, {
        accountId,
        iccids: iccids as string[],
        ratePlanName: str("ratePlanName"),
        commPlanName: str("commPlanName"),
        simState: str("simState"),
      });
      return reply.code(202).send(result);
    });

    route("POST", "/devices/:iccid/smsMessages", async (req, _reply, p) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const str = (k: string) =>
        body[k] === undefined || body[k] === null ? undefined : String(body[k]);
      const messageText = str("messageText");
      if (!messageText) throw ccErrors.requiredFieldsMissing("messageText");
      return cc.sendSms(p, iccidOf(req), {
        messageText,
        messageEncoding: str("messageEncoding"),
        dataCoding: str("dataCoding"),
        tpvp: str("tpvp"),
      });
    });

    route("GET", "/smsMessages", async (req, _reply, p) => {
      const q = query(req);
      onlyKnown(q, ["fromDate", "toDate", "accountId", "iccid", "msgType"]);
      const fromDate = dateParam(req, "fromDate");
      if (!fromDate) throw ccErrors.fromDateMissing();
      return cc.searchSms(
        p,
        {
          fromDate,
          toDate: dateParam(req, "toDate"),
          iccid: asString(q.iccid) || undefined,
          accountId: asString(q.accountId)?.trim() || undefined,
          msgType: asString(q.msgType) || undefined,
        },
        pagingOf(req),
      );
    });

    route("GET", "/smsMessages/:id", async (req, _reply, p) =>
      pickFields(
        await cc.smsDetails(
          p,
          (req.params as { id: string }).id,
          asString(query(req).messageEncoding),
        ),
        fieldsOf(req),
      ),
    );

    for (const [method, path, what] of UNMAPPED)
      route(method as "GET", path, () => {
        throw ccErrors.notSupported(what);
      });
  };

const asString = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v);

/** Any error of a /rws request as Control Center's error. */
function toCcError(err: unknown): CcError {
  if (err instanceof CcError) return err;
  if (err instanceof OtterError) {
    switch (err.code) {
      case "SIM_NOT_FOUND":
        return ccErrors.deviceNotFound(err.message.match(/SIM (\S+) was/)?.[1] ?? "");
      case "ACCOUNT_NOT_FOUND":
        return ccErrors.accountNotFound("");
      case "USER_NOT_FOUND":
        return ccErrors.userNotFound("");
    }
    switch (err.kind) {
      case "validation":
        return new CcError(400, "10000011", err.message);
      case "forbidden":
        return ccErrors.forbidden(err.message);
      case "not_found":
        return new CcError(404, "20000001", `Resource not found - ${err.message}`);
      case "conflict":
        return new CcError(400, "10000011", err.message);
      case "rate_limited":
        return new CcError(429, "40000029", err.message, 1);
      case "unauthenticated":
        return ccErrors.invalidCredentials();
      default:
        return ccErrors.internal();
    }
  }
  const fe = err as { code?: string; statusCode?: number; message?: string };
  if (
    fe.code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
    fe.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
    err instanceof SyntaxError
  )
    return ccErrors.malformedJson(fe.message ?? "the body is not JSON");
  if (fe.code?.startsWith("FST_ERR_CTP_")) return ccErrors.malformedJson(fe.message ?? "");
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return new CcError(fe.statusCode, "10000011", fe.message ?? "Bad request.");
  return ccErrors.internal();
}
