import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildAccount,
  buildCatalog,
  buildSim,
  offer,
  runJob,
  simCsv,
  uploadCsv,
} from "../support/factories.js";
import { type ApiResponse, startOtter, type TestOtter } from "../support/otter.js";

/**
 * Bad input is a 4xx, never a 500: text PostgreSQL cannot store (a NUL, a lone surrogate, bytes that
 * are not UTF-8) in any body field, path or query value of any route, and a cursor Otter did not give
 * out on any listing, answer 400 naming the field. The routes come from the OpenAPI document, so a
 * new route is covered without being listed here.
 */
interface Op {
  method: string;
  path: string;
  operationId: string;
  pathParams: string[];
  queryParams: string[];
  bodyFields: string[] | null;
}
type Schema = {
  $ref?: string;
  properties?: Record<string, unknown>;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
interface Doc {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters?: { in: string; name: string }[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
}

let t: TestOtter;
let ops: Op[];
let world: { iccid: string; jobId: string; webhookId: string; ruleId: string; invoiceId: string };

/** Top-level property names of a request body schema, through $ref and unions. */
function fieldsOf(doc: Doc, schema: Schema | undefined, seen = new Set<string>()): string[] {
  if (!schema) return [];
  if (schema.$ref) {
    const name = schema.$ref.split("/").pop()!;
    if (seen.has(name)) return [];
    seen.add(name);
    return fieldsOf(doc, doc.components?.schemas?.[name], seen);
  }
  const own = Object.keys(schema.properties ?? {});
  const nested = [
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
    ...(schema.allOf ?? []),
  ].flatMap((s) => fieldsOf(doc, s, seen));
  return [...new Set([...own, ...nested])];
}

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  const doc = (await t.api("GET", "/api/v1/openapi.json")).body as Doc;
  ops = Object.entries(doc.paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const json = op.requestBody?.content?.["application/json"];
        return {
          method: method.toUpperCase(),
          path,
          operationId: op.operationId,
          pathParams: (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name),
          queryParams: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
          bodyFields: json ? fieldsOf(doc, json.schema) : null,
        };
      }),
    )
    .filter((o) => o.path.startsWith("/api/v1/") && o.path !== "/api/v1/openapi.json");

  const cat = await buildCatalog(t);
  const acct = await buildAccount(t);
  await offer(t, cat, acct.id);
  const sim = await buildSim(t, {
    accountId: acct.id,
    state: "ACTIVATED",
    communicationPlan: cat.comm.id,
    ratePlan: cat.rate.id,
  });
  const jobId = (await uploadCsv(t, simCsv(1).csv, `accountId=${acct.id}`)).body.jobId;
  await runJob(t, jobId);
  const webhookId = (
    await t.api("POST", "/api/v1/webhooks", {
      body: { url: "http://127.0.0.1:9/hook", events: ["*"], secret: "0123456789abcdef" },
    })
  ).body.id;
  const ruleId = (
    await t.api("POST", "/api/v1/automation-rules", {
      body: { name: "r", trigger: { type: "imei_changed" }, actions: [{ type: "webhook" }] },
    })
  ).body.id;
  // A draft invoice, so a line's explanation gets as far as reading its cursor.
  await t.api("PUT", `/api/v1/accounts/${acct.id}/billing-profile`, {
    body: { cycle: "calendar", country: "IT" },
  });
  const billingRun = await t.api("POST", "/api/v1/billing-runs", {
    body: { period: "2026-03", accountId: acct.id },
  });
  await runJob(t, billingRun.body.jobId);
  const invoiceId = (await t.api("GET", `/api/v1/invoices?accountId=${acct.id}`)).body.items[0]
    .id as string;
  world = { iccid: sim.iccid, jobId, webhookId, ruleId, invoiceId };
});
afterAll(async () => {
  await t?.close();
});

/** `path` with `bad` (already URL-encoded) in parameter `param` and a harmless value in the others. */
function withParam(path: string, param: string | null, bad: string): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => (name === param ? bad : "x"));
}

/** 400 with `field` named in the details (with `code` there, when given). */
function expectNamed(res: ApiResponse, field: string, label: string, code = "INVALID_CHARACTERS") {
  const seen = `${label}: ${JSON.stringify(res.body)}`;
  expect(res.status, seen).toBe(400);
  const details = (res.body.error.details ?? []) as { field: string; code: string }[];
  expect(
    details.filter((d) => d.field === field && (code === "*" || d.code === code)).length,
    seen,
  ).toBeGreaterThan(0);
}

describe("text Otter cannot store, on every route", () => {
  it("found routes to sweep in the OpenAPI document", () => {
    expect(ops.length).toBeGreaterThan(100);
    expect(ops.filter((o) => o.bodyFields?.length).length).toBeGreaterThan(30);
  });

  it("answers 400 naming the path parameter that holds a NUL or bytes that are not UTF-8", async () => {
    for (const op of ops) {
      for (const param of op.pathParams) {
        for (const bad of ["x%00y", "%ED%A0%80", "a%FF"]) {
          const path = withParam(op.path, param, bad);
          expectNamed(
            await t.api(op.method, path, { body: op.bodyFields ? {} : undefined }),
            param,
            `${op.method} ${path}`,
          );
        }
      }
    }
  });

  it("answers 400 naming the query parameter that holds a NUL or bytes that are not UTF-8", async () => {
    for (const op of ops) {
      for (const param of op.queryParams) {
        for (const bad of ["x%00y", "%ED%A0%80", "100%"]) {
          const path = `${withParam(op.path, null, "x")}?${param}=${bad}`;
          expectNamed(
            await t.api(op.method, path, { body: op.bodyFields ? {} : undefined }),
            param,
            `${op.method} ${path}`,
          );
        }
      }
    }
  });

  it("answers 400 naming the body field that holds a NUL or a lone surrogate, whatever its type", async () => {
    for (const op of ops) {
      for (const field of op.bodyFields ?? []) {
        const path = withParam(op.path, null, "x");
        expectNamed(
          await t.api(op.method, path, { body: { [field]: "a\u0000b" } }),
          field,
          `${op.method} ${path} ${field}=NUL`,
        );
        const raw = `{"${field}":"a\\ud800b"}`;
        expectNamed(
          await t.api(op.method, path, { raw, headers: { "content-type": "application/json" } }),
          field,
          `${op.method} ${path} ${field}=\\ud800`,
        );
      }
    }
  });

  it("names nested fields and field names, and creates nothing", async () => {
    const before = (await t.api("GET", "/api/v1/zones")).body.items.length;
    const nested = await t.api("POST", "/api/v1/communication-plans", {
      body: {
        name: "n",
        apns: [{ name: "ok" }, { name: "bad\u0000apn" }],
        rats: ["LTE"],
        zones: ["z"],
      },
    });
    expectNamed(nested, "apns.1.name", "nested");
    expect(nested.body.error).toMatchObject({
      code: "VALIDATION_FAILED",
      details: [{ code: "INVALID_CHARACTERS" }],
    });
    const key = await t.api("POST", "/api/v1/zones", {
      body: { name: "z", countries: ["FR"], "col\u0000our": 1 },
    });
    expectNamed(key, "col\\u0000our", "field name");
    const zone = await t.api("POST", "/api/v1/zones", {
      body: { name: "Zone\u0000", countries: ["FR"] },
    });
    expectNamed(zone, "name", "zone name");
    expect((await t.api("GET", "/api/v1/zones")).body.items.length).toBe(before);
  });

  it("answers 400 naming the line of a text body (registration events) with a NUL", async () => {
    const ndjson = `${JSON.stringify({ id: "e1", type: "purge", imsi: "234150000000001", at: "2026-03-01T09:00:00Z" })}\n{"id":"e2\u0000"}\n`;
    const res = await t.api("POST", "/api/v1/network/events/import", {
      raw: ndjson,
      headers: { "content-type": "application/x-ndjson" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.details).toMatchObject([
      { field: "body", line: 2, code: "INVALID_CHARACTERS" },
    ]);
  });

  it("answers a path that is not UTF-8 with the one error envelope, on routes that do not exist too", async () => {
    const res = await t.api("GET", "/api/v1/nowhere/%ED%A0%80");
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: "VALIDATION_FAILED",
      details: [{ field: "path", code: "INVALID_CHARACTERS" }],
    });
    expect(res.headers.get("x-request-id")).toBe(res.body.error.requestId);
  });
});

describe("cursors Otter did not give out", () => {
  /** Real resources, so each listing gets as far as reading its cursor. */
  function fill(path: string): string {
    const id = path.startsWith("/api/v1/jobs/")
      ? world.jobId
      : path.startsWith("/api/v1/webhooks/")
        ? world.webhookId
        : path.startsWith("/api/v1/automation-rules/")
          ? world.ruleId
          : path.startsWith("/api/v1/invoices/")
            ? world.invoiceId
            : undefined;
    return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value =
        name === "iccid" ? world.iccid : name === "id" ? id : name === "n" ? "1" : undefined;
      if (!value)
        throw new Error(`${path}: no value for {${name}}; add one to fill() in bad-input.test.ts`);
      return value;
    });
  }

  it("answer 400 naming the cursor on every listing that takes one", async () => {
    const listings = ops.filter((o) => o.method === "GET" && o.queryParams.includes("cursor"));
    expect(listings.length).toBeGreaterThanOrEqual(11);
    for (const op of listings) {
      for (const cursor of [
        "garbage",
        "-1",
        "01900000-0000-7000-8000-00000000000g",
        "%2F%2F%2F",
        "A".repeat(150),
      ]) {
        const path = `${fill(op.path)}?cursor=${cursor}`;
        // INVALID_CURSOR, or VALIDATION_FAILED's code where the schema already knows the cursor's shape.
        expectNamed(await t.api("GET", path), "cursor", `GET ${path}`, "*");
      }
    }
  });
});

describe("unknown fields", () => {
  it("are listed 20 at most, with how many more", async () => {
    const body: Record<string, unknown> = { name: "z", countries: ["FR"] };
    for (let i = 0; i < 5000; i++) body[`extra${i}`] = i;
    const res = await t.api("POST", "/api/v1/zones", { body });
    expect(res.status).toBe(400);
    const { message, details } = res.body.error;
    expect(message).toContain('"extra19"');
    expect(message).not.toContain('"extra20"');
    expect(message).toContain("and 4980 more");
    expect(details).toMatchObject([
      { field: "body", message: expect.stringContaining("and 4980 more") },
    ]);
    expect(JSON.stringify(res.body).length).toBeLessThan(2000);
  });

  it("a few are all named", async () => {
    const res = await t.api("POST", "/api/v1/zones", {
      body: { name: "z", countries: ["FR"], colour: 1, size: 2 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('unknown fields "colour", "size"');
  });
});

describe("a SIM import with a NUL in a cell", () => {
  it("reports the row and its column, and the job does not crash", async () => {
    const acct = await buildAccount(t);
    const { csv } = simCsv(3, {
      header: "iccid,imsi,msisdn,accountCustom1",
      extra: (i) => [i === 1 ? "tag\u0000ged" : "fine"],
    });
    const up = await uploadCsv(t, csv, `accountId=${acct.id}`);
    expect(up.status).toBe(202);
    const job = await runJob(t, up.body.jobId);
    expect(job.status).toBe("failed");
    expect(job.errors).toMatchObject([
      { line: 3, field: "accountCustom1", code: "INVALID_CHARACTERS" },
    ]);
  });

  it("also when the NUL is in the ICCID", async () => {
    const acct = await buildAccount(t);
    const { csv, sims } = simCsv(2);
    const up = await uploadCsv(
      t,
      csv.replace(sims[0]!.iccid, `${sims[0]!.iccid}\u0000`),
      `accountId=${acct.id}`,
    );
    const job = await runJob(t, up.body.jobId);
    expect(job.status).toBe("failed");
    expect(job.errors).toMatchObject([{ line: 2, field: "iccid", code: "INVALID_CHARACTERS" }]);
  });
});
