import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** One Prometheus registry per Otter instance (tests run several in one process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "otter_" });
  const httpRequests = new Counter({
    name: "otter_http_requests_total",
    help: "HTTP requests answered, by route and status.",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: "otter_http_request_duration_seconds",
    help: "HTTP request latency.",
    labelNames: ["method", "route"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [registry],
  });
  const jobRows = new Counter({
    name: "otter_job_rows_total",
    help: "Rows processed by bulk jobs, by kind and outcome.",
    labelNames: ["kind", "outcome"] as const,
    registers: [registry],
  });
  const mailSent = new Counter({
    name: "otter_mail_messages_total",
    help: "Outbound mail messages by final status.",
    labelNames: ["status"] as const,
    registers: [registry],
  });
  return { registry, httpRequests, httpDuration, jobRows, mailSent };
}
export type Metrics = ReturnType<typeof createMetrics>;
