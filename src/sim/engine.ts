import type { OutgoingAttribute } from "../network/radius/index.js";
import { accountingAttributes, accountingOnAttributes, TerminateCause } from "./accounting.js";
import {
  type CoaStats,
  type DisconnectDecision,
  type DisconnectTarget,
  ErrorCause,
} from "./coa-server.js";
import { TimeHeap, type Timed } from "./heap.js";
import {
  decideRegistration,
  type EventSink,
  type RegistrationDecision,
  type RegistrationEvent,
  type SubscriberDirectory,
} from "./hss.js";
import { type Random, randomStream } from "./random.js";
import type { RadiusClientStats } from "./radius-client.js";
import type { SmsDelivery, SmsMessage, SmscStats } from "./smsc-server.js";
import type { DeviceSpec, FaultSpec, Scenario, StopSpec } from "./scenario.js";

/**
 * The simulation: a discrete-event loop over simulated time. Every device has its own queue of
 * timed events (attach, report, interim, moves, faults) and runs them one at a time, in order;
 * devices run concurrently, so thousands of them keep the gateway's sockets busy. Timestamps come
 * from the schedule, never from the wall clock, so a scenario with a seed plays the same story each
 * time (what Otter answers — accepted or rejected — and Disconnect-Requests are the outside world).
 *
 * Time is driven from outside: `advanceTo` steps it (tests), `run` paces it against the real clock
 * at the scenario's speed (the CLI).
 */

export interface AccountingSender {
  /** Sends one Accounting-Request; true when answered, false when given up after every retry. */
  send(attributes: readonly OutgoingAttribute[]): Promise<boolean>;
  stats(): RadiusClientStats;
}

export interface SimulationDeps {
  radius: AccountingSender;
  /** Where the HSS reads subscribers; null accepts every registration without asking (hss.mode accept_all). */
  directory: SubscriberDirectory | null;
  /** Where registration events go; null posts none (hss.events false). */
  events: EventSink | null;
  coaStats?: () => CoaStats;
  smscStats?: () => SmscStats;
  apiStats?: () => { calls: number; failures: number; retries: number };
  log?: (line: string) => void;
  /** Called as simulated time moves on (tests set Otter's clock with it). */
  onTime?: (now: Date) => void;
  /** Called once per simulated hour with the running totals. */
  onTick?: (stats: SimStats) => void;
}

export interface SimStats {
  scenario: string;
  start: string;
  end: string;
  simTime: string;
  realElapsedMs: number;
  devices: number;
  registered: number;
  sessionsOpen: number;
  sessionsHung: number;
  radius: RadiusClientStats;
  records: { start: number; interim: number; stop: number; accountingOn: number };
  registrations: {
    accepted: number;
    rejected: number;
    errors: number;
    causes: Record<string, number>;
  };
  events: { posted: number; stored: number; failed: number };
  disconnects: CoaStats & { sessionsStopped: number };
  cancelLocations: number;
  sms: { delivered: number; undelivered: number; wakeUps: number; smsc?: SmscStats };
  api: { calls: number; failures: number; retries: number };
  errors: number;
  /** Every accounting request answered, every event stored, nothing went wrong inside. */
  ok: boolean;
}

type Ev =
  | { kind: "attach"; gen: number }
  | { kind: "report" }
  | { kind: "report-end"; session: string }
  | { kind: "interim"; session: string }
  | { kind: "move"; stop: number }
  | { kind: "fault"; fault: FaultSpec }
  | { kind: "power-on" }
  | { kind: "reattach" }
  | { kind: "tick" }
  | { kind: "end" };

/** An entry of the story's timeline: a device's next event (or the story's own, device -1). */
interface Scheduled extends Timed {
  device: number;
  /** For a device: the device's `version` when queued; an older entry is stale and skipped. */
  version: number;
  ev: Ev | null;
}

interface DeviceEvent extends Timed {
  ev: Ev;
}

interface Session {
  id: string;
  chargingId: number;
  startedAt: number;
  up: number;
  down: number;
  /** What a per-report session carries when it ends normally. */
  reportUp: number;
  reportDown: number;
  hung: boolean;
  /** A Disconnect-Request was accepted: the Stop is on its way, nothing else is sent for it. */
  closing: boolean;
}

interface Device {
  index: number;
  spec: DeviceSpec;
  rnd: Random;
  imei: string;
  where: StopSpec;
  framedIp: string;
  apn: string;
  powered: boolean;
  registered: boolean;
  hung: boolean;
  /** The SMS the device received, newest last (the last 20). */
  inbox: { at: string; from: string; text: string | null; payloadHex: string }[];
  session: Session | null;
  sessionCount: number;
  eventCount: number;
  /** Bumped whenever something else makes the device attach: a pending retry with an older value is stale. */
  attachGen: number;
  /** The device's own events, in time order. Only its earliest is on the story's timeline. */
  timeline: TimeHeap<DeviceEvent>;
  /** When the device's earliest event sits on the story's timeline, and which entry is current. */
  queuedAt: number | null;
  version: number;
  /** What the device is doing now; further work waits for it. */
  chain: Promise<void> | null;
}

const HOUR = 3_600_000;
/** Device actions queued or running at once; beyond this the loop waits (memory stays bounded). */
const MAX_ACTIVE = 4096;
/** Seconds between a registration and the data session that follows it. */
const ATTACH_TO_SESSION_MS = 1000;

const iso = (ms: number) => new Date(ms).toISOString();

export class Simulation {
  readonly start: number;
  readonly end: number;
  readonly runId: string;
  private readonly heap = new TimeHeap<Scheduled>();
  private readonly devices: Device[];
  private readonly byImsi = new Map<string, Device>();
  private readonly byMsisdn = new Map<string, Device>();
  private readonly byIp = new Map<string, Device>();
  private readonly bySession = new Map<string, Device>();
  private readonly chargingBase: number;
  private seq = 0;
  private current: number;
  private active = 0;
  private waiters: (() => void)[] = [];
  private stopped = false;
  private wake: (() => void) | null = null;
  private readonly realStart = Date.now();
  private readonly counts = {
    records: { start: 0, interim: 0, stop: 0, accountingOn: 0 },
    registrations: { accepted: 0, rejected: 0, errors: 0, causes: {} as Record<string, number> },
    sessionsStopped: 0,
    cancelLocations: 0,
    sms: { delivered: 0, undelivered: 0, wakeUps: 0 },
    errors: 0,
  };

  constructor(
    readonly scenario: Scenario,
    private readonly deps: SimulationDeps,
    opts: { start: Date },
  ) {
    this.start = Math.floor(opts.start.getTime() / 1000) * 1000;
    this.end = this.start + scenario.durationMs;
    this.current = this.start;
    const runRandom = randomStream(scenario.seed, "run", iso(this.start));
    this.runId = runRandom.uint32().toString(16).padStart(8, "0");
    this.chargingBase = runRandom.uint32();
    const pool = ipPool(scenario.network.ipPool);
    if (scenario.devices.length > pool.size)
      throw new RangeError(
        `network.ipPool ${scenario.network.ipPool} has ${pool.size} addresses for ${scenario.devices.length} devices`,
      );

    this.devices = scenario.devices.map((spec, index) => {
      const d: Device = {
        index,
        spec,
        rnd: randomStream(spec.seed, "device", spec.name),
        imei: spec.imei,
        where: spec.itinerary[0]!,
        framedIp: pool.address(index),
        apn: scenario.network.apn,
        powered: true,
        registered: false,
        hung: false,
        inbox: [],
        session: null,
        sessionCount: 0,
        eventCount: 0,
        attachGen: 0,
        timeline: new TimeHeap(),
        queuedAt: null,
        version: 0,
        chain: null,
      };
      this.byImsi.set(spec.imsi, d);
      this.byMsisdn.set(spec.msisdn, d);
      this.byIp.set(d.framedIp, d);
      return d;
    });
    for (const d of this.devices) this.plan(d);
    for (let t = this.start + HOUR; t <= this.end; t += HOUR)
      this.schedule(t, -1, { kind: "tick" });
    this.schedule(this.end, -1, { kind: "end" });
  }

  /** The simulated time now. */
  now(): Date {
    return new Date(this.current);
  }

  /** Announces the gateway (Accounting-On), which also closes sessions Otter still has open from a previous run. */
  async begin(): Promise<void> {
    if (!this.scenario.network.accountingOn) return;
    this.counts.records.accountingOn++;
    const answered = await this.deps.radius.send(
      accountingOnAttributes({
        nasIp: this.scenario.network.nasIp,
        at: new Date(this.start),
        sessionId: `${this.runId}-on`,
      }),
    );
    if (!answered)
      this.log(
        "Accounting-On was not answered: is Otter's RADIUS port right, and does it know this gateway?",
      );
  }

  /** Runs every event up to `t` (simulated) and waits until the devices are done with them. */
  async advanceTo(t: Date | number): Promise<void> {
    const target = typeof t === "number" ? t : t.getTime();
    await this.pump(target, true);
    this.setCurrent(target);
  }

  async advanceBy(ms: number): Promise<void> {
    await this.advanceTo(this.current + ms);
  }

  /** Waits until every device action in progress (a Disconnect's Stop, say) is done. */
  async settle(): Promise<void> {
    while (this.active > 0) await this.progress();
    await this.deps.events?.flush();
  }

  /**
   * Plays the story against the real clock: `speed` simulated milliseconds per real millisecond
   * ("max": as fast as the gateway's window allows). With `notAhead`, simulated time never passes
   * the real clock — Otter refuses events from the future — so a story that catches up with the
   * present goes on in real time (`onCaughtUp` says when). Returns at the end of the story or after
   * stop().
   */
  async run(
    speed: number | "max",
    opts: { notAhead?: boolean; onCaughtUp?: () => void } = {},
  ): Promise<void> {
    const realStart = performance.now();
    const simStart = this.current;
    let caughtUp = false;
    /** Where the story should be now, and how many simulated ms pass per real ms from there. */
    const pace = (): { t: number; rate: number; realTime: boolean } => {
      const fast = speed === "max" ? Infinity : simStart + (performance.now() - realStart) * speed;
      if (opts.notAhead && fast >= Date.now()) return { t: Date.now(), rate: 1, realTime: true };
      return { t: fast, rate: speed === "max" ? Infinity : speed, realTime: false };
    };
    while (!this.stopped) {
      const next = this.heap.peek();
      if (!next) {
        if (this.active === 0) break;
        await this.progress();
        continue;
      }
      const { t, rate, realTime } = pace();
      const ahead = next.at - t;
      if (ahead > 0) {
        if (realTime && !caughtUp) {
          caughtUp = true;
          opts.onCaughtUp?.();
        }
        await this.sleep(Math.max(1, Math.min(ahead / rate, 250)));
        this.setCurrent(Math.min(next.at, pace().t));
        continue;
      }
      await this.pump(next.at, false);
    }
    while (this.active > 0) await this.progress();
  }

  /** Ends a run early (Ctrl-C): no further events; what is in flight completes. */
  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /** After the story: applies `network.atEnd` and waits for everything to be sent and stored. */
  async finish(): Promise<void> {
    this.stopped = true;
    while (this.active > 0) await this.progress();
    if (this.scenario.network.atEnd === "stop") {
      const at = this.wholeSecond();
      for (const d of this.devices)
        if (d.session) this.enqueue(d, () => this.stopSession(d, at, TerminateCause.NasRequest));
      while (this.active > 0) await this.progress();
    }
    await this.deps.events?.flush();
  }

  /**
   * RFC 5176 Disconnect-Request: decided at once (the ACK must not wait); the Stop with
   * Acct-Terminate-Cause Admin-Reset follows on the device's own queue. Every identifier the request
   * carries must name the same session.
   */
  disconnect(t: DisconnectTarget): DisconnectDecision {
    const nak = (errorCause: number): DisconnectDecision => ({ ack: false, errorCause });
    if (t.nasIp && t.nasIp !== this.scenario.network.nasIp)
      return nak(ErrorCause.NasIdentificationMismatch);
    const imsi = t.imsi ?? t.userName;
    const d = t.sessionId
      ? this.bySession.get(t.sessionId)
      : imsi
        ? this.byImsi.get(imsi)
        : t.framedIp
          ? this.byIp.get(t.framedIp)
          : undefined;
    const s = d?.session;
    if (!d || !s) return nak(ErrorCause.SessionContextNotFound);
    if (
      (t.sessionId && t.sessionId !== s.id) ||
      (t.imsi && t.imsi !== d.spec.imsi) ||
      (t.userName && t.userName !== d.spec.imsi) ||
      (t.framedIp && t.framedIp !== d.framedIp)
    ) {
      return nak(ErrorCause.SessionContextNotFound);
    }
    if (!s.closing) {
      s.closing = true;
      const at = this.wholeSecond();
      this.counts.sessionsStopped++;
      this.enqueue(d, async () => {
        if (d.session !== s) return;
        await this.stopSession(d, at, TerminateCause.AdminReset);
        // The reset is what cures a hung session: the device comes back with working data.
        d.hung = false;
        if (d.spec.traffic?.session === "long")
          this.schedule(at + this.scenario.network.reattachAfter, d.index, { kind: "reattach" });
      });
    }
    return { ack: true };
  }

  /**
   * Cancel Location from the HSS (S6a CLR / MAP CancelLocation, SUBSCRIPTION_WITHDRAWAL): the device
   * is detached — its data session stopped — and attaches again after `network.reattachAfter`, when
   * the HSS reads Otter afresh. Otter's "reset connectivity" reaches it through hss-server.ts.
   * False when no device has this IMSI.
   */
  cancelLocation(imsi: string): boolean {
    const d = this.byImsi.get(imsi);
    if (!d) return false;
    const at = this.wholeSecond();
    this.counts.cancelLocations++;
    this.enqueue(d, async () => {
      if (d.session) await this.stopSession(d, at, TerminateCause.AdminReset);
      // Detach and attach again means a new PDN connection at the gateway: a hung one is gone.
      d.hung = false;
      d.registered = false;
      d.attachGen++;
      await this.postEvent(
        d,
        { type: "cancel_location", visitedPlmn: d.where.plmn, rat: d.where.rat },
        at,
      );
      this.schedule(at + this.scenario.network.reattachAfter, d.index, {
        kind: "attach",
        gen: d.attachGen,
      });
    });
    return true;
  }

  /**
   * An SMS from the SMS centre (smsc-server.ts): "absent" when the device is off, "unknown" when no
   * device has the MSISDN, otherwise (registered) the device gets it. A device whose data path is
   * dead (a hung session) treats any SMS as a wake-up: it detaches, drops the hung PDN connection
   * and attaches again after `network.reattachAfter`, as a modem's SMS wake-up does.
   */
  deliverSms(sms: SmsMessage): SmsDelivery {
    const d = this.byMsisdn.get(sms.msisdn);
    if (!d) {
      this.counts.sms.undelivered++;
      return "unknown";
    }
    // Switched off, or not attached to any network (rejected, detached): nowhere to deliver.
    if (!d.powered || !d.registered) {
      this.counts.sms.undelivered++;
      return "absent";
    }
    this.counts.sms.delivered++;
    d.inbox.push({
      at: iso(this.wholeSecond()),
      from: sms.from,
      text: sms.text,
      payloadHex: sms.payload.toString("hex"),
    });
    if (d.inbox.length > 20) d.inbox.shift();
    if (d.hung) {
      this.counts.sms.wakeUps++;
      const at = this.wholeSecond();
      this.enqueue(d, async () => {
        if (d.session) await this.stopSession(d, at, TerminateCause.UserRequest);
        d.hung = false;
        d.registered = false;
        d.attachGen++;
        this.schedule(at + this.scenario.network.reattachAfter, d.index, {
          kind: "attach",
          gen: d.attachGen,
        });
      });
    }
    return "delivered";
  }

  /** The SMS a device received (tests). */
  inbox(device: string) {
    return [...(this.devices.find((d) => d.spec.name === device)?.inbox ?? [])];
  }

  /** Open sessions by device name, for tests and the demo's hints. */
  openSessions(): {
    device: string;
    iccid: string;
    sessionId: string;
    hung: boolean;
    framedIp: string;
  }[] {
    return this.devices
      .filter((d) => d.session)
      .map((d) => ({
        device: d.spec.name,
        iccid: d.spec.iccid,
        sessionId: d.session!.id,
        hung: d.session!.hung,
        framedIp: d.framedIp,
      }));
  }

  stats(): SimStats {
    const radius = this.deps.radius.stats();
    const events = this.deps.events?.stats() ?? { posted: 0, stored: 0, failed: 0 };
    const coa = this.deps.coaStats?.() ?? {
      received: 0,
      acked: 0,
      naked: 0,
      discarded: 0,
      repeated: 0,
    };
    let registered = 0;
    let open = 0;
    let hung = 0;
    for (const d of this.devices) {
      if (d.registered) registered++;
      if (d.session) {
        open++;
        if (d.session.hung) hung++;
      }
    }
    return {
      scenario: this.scenario.name,
      start: iso(this.start),
      end: iso(this.end),
      simTime: iso(this.current),
      realElapsedMs: Date.now() - this.realStart,
      devices: this.devices.length,
      registered,
      sessionsOpen: open,
      sessionsHung: hung,
      radius,
      records: { ...this.counts.records },
      registrations: {
        ...this.counts.registrations,
        causes: { ...this.counts.registrations.causes },
      },
      events,
      disconnects: { ...coa, sessionsStopped: this.counts.sessionsStopped },
      cancelLocations: this.counts.cancelLocations,
      sms: { ...this.counts.sms, ...(this.deps.smscStats && { smsc: this.deps.smscStats() }) },
      api: this.deps.apiStats?.() ?? { calls: 0, failures: 0, retries: 0 },
      errors: this.counts.errors,
      ok:
        radius.unanswered === 0 &&
        radius.inFlight === 0 &&
        events.failed === 0 &&
        this.counts.errors === 0,
    };
  }

  // ── Scheduling ───────────────────────────────────────────────────────────────────────────────

  /** Everything a device will do by itself, from its spec. */
  private plan(d: Device) {
    const t0 = this.start + d.spec.delay;
    const stops = d.spec.itinerary;
    this.schedule(t0 + stops[0]!.at, d.index, { kind: "attach", gen: 0 });
    stops.forEach((s, i) => {
      if (i > 0) this.schedule(t0 + s.at, d.index, { kind: "move", stop: i });
    });
    for (const fault of d.spec.faults)
      this.schedule(t0 + fault.at, d.index, { kind: "fault", fault });
    const traffic = d.spec.traffic;
    if (traffic) {
      const offset = traffic.offset === "random" ? d.rnd.int(0, traffic.every - 1) : traffic.offset;
      this.schedule(t0 + offset, d.index, { kind: "report" });
    }
  }

  private schedule(at: number, device: number, ev: Ev) {
    if (at > this.end) return;
    if (device < 0) {
      this.heap.push({ at, seq: this.seq++, device, version: 0, ev });
      return;
    }
    const d = this.devices[device]!;
    d.timeline.push({ at, seq: this.seq++, ev });
    if (!d.chain) this.queueNext(d);
  }

  /**
   * Puts the device's earliest event on the story's timeline. A device runs one event at a time and
   * is queued again only when idle, so whatever an event schedules (a report's end two minutes later)
   * runs before anything later — each device lives its events strictly in time order.
   */
  private queueNext(d: Device) {
    const next = d.timeline.peek();
    if (!next || (d.queuedAt !== null && d.queuedAt <= next.at)) return;
    d.version++;
    d.queuedAt = next.at;
    this.heap.push({ at: next.at, seq: this.seq++, device: d.index, version: d.version, ev: null });
  }

  /** Now, on a whole second: what a RADIUS Event-Timestamp can say. */
  private wholeSecond(): number {
    return Math.floor(this.current / 1000) * 1000;
  }

  private setCurrent(t: number) {
    if (t <= this.current) return;
    this.current = t;
    this.deps.onTime?.(new Date(t));
  }

  private async pump(target: number, drain: boolean): Promise<void> {
    for (;;) {
      const next = this.heap.peek();
      if (!this.stopped && next && next.at <= target) {
        // The hourly line reports everything up to its hour: devices still busy finish first.
        if (this.active >= MAX_ACTIVE || (next.device < 0 && this.active > 0)) {
          await this.progress();
          continue;
        }
        this.heap.pop();
        if (next.device >= 0 && next.version !== this.devices[next.device]!.version) continue;
        this.setCurrent(next.at);
        this.dispatch(next);
        continue;
      }
      if (drain && this.active > 0) {
        await this.progress();
        continue;
      }
      return;
    }
  }

  private dispatch(item: Scheduled) {
    if (item.device < 0) {
      if (item.ev?.kind === "tick") this.deps.onTick?.(this.stats());
      return;
    }
    const d = this.devices[item.device]!;
    d.queuedAt = null;
    const e = d.timeline.pop()!;
    this.enqueue(d, () => this.handle(d, e.at, e.ev));
  }

  /** Runs `action` after everything already queued for the device. */
  private enqueue(d: Device, action: () => Promise<void>) {
    const p = (d.chain ?? Promise.resolve()).then(action).catch((err: unknown) => {
      this.counts.errors++;
      this.log(`${d.spec.name}: ${err instanceof Error ? err.message : String(err)}`);
    });
    d.chain = p;
    this.active++;
    void p.finally(() => {
      this.active--;
      if (d.chain === p) {
        d.chain = null;
        this.queueNext(d);
      }
      const waiting = this.waiters;
      this.waiters = [];
      for (const w of waiting) w();
    });
  }

  private progress(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  // ── What devices do ──────────────────────────────────────────────────────────────────────────

  private async handle(d: Device, at: number, ev: Ev): Promise<void> {
    switch (ev.kind) {
      case "attach":
        if (ev.gen === d.attachGen) await this.attach(d, at);
        return;
      case "report":
        return this.report(d, at);
      case "report-end": {
        const s = d.session;
        if (!s || s.id !== ev.session || s.hung || s.closing) return;
        s.up = s.reportUp;
        s.down = s.reportDown;
        return this.stopSession(d, at, TerminateCause.UserRequest);
      }
      case "interim": {
        const s = d.session;
        if (!s || s.id !== ev.session || s.closing) return;
        this.schedule(at + this.interimMs(d), d.index, ev);
        return this.account(d, s, "interim", at);
      }
      case "move": {
        const to = d.spec.itinerary[ev.stop]!;
        const changed = to.plmn !== d.where.plmn || to.rat !== d.where.rat;
        if (changed && d.session) await this.stopSession(d, at, TerminateCause.LostService);
        d.where = to;
        if (changed && d.powered) {
          d.registered = false;
          d.attachGen++;
          await this.attach(d, at);
        }
        return;
      }
      case "fault":
        return this.fault(d, at, ev.fault);
      case "power-on":
        d.powered = true;
        d.attachGen++;
        return this.attach(d, at);
      case "reattach":
        if (d.powered && d.registered && !d.session && d.spec.traffic?.session === "long")
          await this.openSession(d, at);
        return;
      case "tick":
      case "end":
        return;
      default: {
        const never: never = ev;
        throw new Error(`unknown event ${JSON.stringify(never)}`);
      }
    }
  }

  private async fault(d: Device, at: number, f: FaultSpec) {
    switch (f.kind) {
      case "hung_session":
        d.hung = true;
        if (d.session) d.session.hung = true;
        return;
      case "imei_change":
        // The SIM moved to another device: the old one detaches, the new one attaches.
        if (d.session) await this.stopSession(d, at, TerminateCause.UserRequest);
        d.imei = f.imei;
        d.registered = false;
        d.attachGen++;
        this.schedule(at + this.scenario.network.reattachAfter, d.index, {
          kind: "attach",
          gen: d.attachGen,
        });
        return;
      case "power_off":
        if (d.session) await this.stopSession(d, at, TerminateCause.UserRequest);
        d.powered = false;
        d.registered = false;
        d.attachGen++;
        await this.postEvent(d, { type: "purge", visitedPlmn: d.where.plmn, rat: d.where.rat }, at);
        if (f.for !== undefined) this.schedule(at + f.for, d.index, { kind: "power-on" });
        return;
    }
  }

  private async attach(d: Device, at: number) {
    if (!d.powered) return;
    const decision = await this.register(d, at);
    if (!decision || !decision.accepted) {
      d.registered = false;
      this.schedule(at + this.scenario.hss.retryEvery, d.index, {
        kind: "attach",
        gen: d.attachGen,
      });
      return;
    }
    d.registered = true;
    d.apn = decision.apn ?? this.scenario.network.apn;
    if (d.spec.traffic?.session === "long" && !d.session)
      await this.openSession(d, at + ATTACH_TO_SESSION_MS);
  }

  /** The HSS side of an attach: read the subscriber, decide, report. Null when Otter could not be read. */
  private async register(d: Device, at: number): Promise<RegistrationDecision | null> {
    let decision: RegistrationDecision;
    if (!this.deps.directory) decision = { accepted: true, apn: null };
    else {
      try {
        const profile = await this.deps.directory.lookup(d.spec.imsi);
        decision = decideRegistration({
          subscriber: profile?.subscriber ?? null,
          plan: profile?.plan ?? null,
          visitedPlmn: d.where.plmn,
          rat: d.where.rat,
        });
      } catch (err) {
        this.counts.registrations.errors++;
        this.log(
          `${d.spec.name}: the HSS could not read the SIM from Otter (${err instanceof Error ? err.message : String(err)}); retrying later`,
        );
        return null;
      }
    }
    const r = this.counts.registrations;
    if (decision.accepted) r.accepted++;
    else {
      r.rejected++;
      r.causes[String(decision.cause)] = (r.causes[String(decision.cause)] ?? 0) + 1;
    }
    await this.postEvent(
      d,
      decision.accepted
        ? {
            type: "location_update",
            result: "accepted",
            visitedPlmn: d.where.plmn,
            rat: d.where.rat,
          }
        : {
            type: "location_update",
            result: "rejected",
            cause: decision.cause,
            causeType: decision.causeType,
            visitedPlmn: d.where.plmn,
            rat: d.where.rat,
          },
      at,
    );
    return decision;
  }

  private async postEvent(
    d: Device,
    e: Omit<RegistrationEvent, "id" | "imsi" | "imei" | "at">,
    at: number,
  ) {
    if (!this.deps.events) return;
    d.eventCount++;
    await this.deps.events.post({
      id: `sim-${this.runId}-${d.index.toString(16)}-${d.eventCount}`,
      imsi: d.spec.imsi,
      imei: d.imei,
      at: iso(at),
      ...e,
    });
  }

  private async report(d: Device, at: number) {
    const traffic = d.spec.traffic!;
    this.schedule(at + traffic.every, d.index, { kind: "report" });
    if (!d.powered || !d.registered) return;
    if (d.hung) {
      // The device believes it is connected; its data goes nowhere. A per-report device still opens
      // its session, which then never ends.
      if (traffic.session === "per_report" && !d.session) await this.openSession(d, at);
      return;
    }
    const up = d.rnd.jitter(traffic.up, traffic.jitter);
    const down = d.rnd.jitter(traffic.down, traffic.jitter);
    if (traffic.session === "long") {
      if (!d.session) await this.openSession(d, at);
      const s = d.session;
      if (s && !s.hung && !s.closing) {
        s.up += up;
        s.down += down;
      }
      return;
    }
    if (d.session) return; // the previous report's session is still open
    const s = await this.openSession(d, at, { up, down });
    this.schedule(at + traffic.sessionLength, d.index, { kind: "report-end", session: s.id });
  }

  private interimMs(d: Device): number {
    const t = d.spec.traffic;
    return t?.interim ?? (t?.session === "long" ? 15 * 60_000 : HOUR);
  }

  private async openSession(d: Device, at: number, report = { up: 0, down: 0 }): Promise<Session> {
    d.sessionCount++;
    const s: Session = {
      id: `${this.runId}-${d.index.toString(16)}-${d.sessionCount.toString(16)}`,
      chargingId: (this.chargingBase + d.index * 1024 + d.sessionCount) >>> 0,
      startedAt: at,
      up: 0,
      down: 0,
      reportUp: report.up,
      reportDown: report.down,
      hung: d.hung,
      closing: false,
    };
    d.session = s;
    this.bySession.set(s.id, d);
    this.schedule(at + this.interimMs(d), d.index, { kind: "interim", session: s.id });
    await this.account(d, s, "start", at);
    return s;
  }

  private async stopSession(d: Device, at: number, cause: number) {
    const s = d.session;
    if (!s) return;
    d.session = null;
    this.bySession.delete(s.id);
    await this.account(d, s, "stop", at, cause);
  }

  private async account(
    d: Device,
    s: Session,
    status: "start" | "interim" | "stop",
    at: number,
    cause?: number,
  ) {
    this.counts.records[status]++;
    const net = this.scenario.network;
    await this.deps.radius.send(
      accountingAttributes({
        status,
        sessionId: s.id,
        chargingId: s.chargingId,
        imsi: d.spec.imsi,
        msisdn: d.spec.msisdn,
        imeisv: d.imei.slice(0, 14) + d.spec.softwareVersion,
        nasIp: net.nasIp,
        apn: d.apn,
        framedIp: d.framedIp,
        where: d.where,
        at: new Date(at),
        sessionTime: Math.max(0, Math.floor((at - s.startedAt) / 1000)),
        up: s.up,
        down: s.down,
        terminateCause: cause,
      }),
    );
  }

  private log(line: string) {
    this.deps.log?.(line);
  }
}

/** The device addresses of a CIDR: the n-th device gets base + n + 1 (the network address is skipped). */
export function ipPool(cidr: string): { size: number; address(n: number): string } {
  const [ip, bits] = cidr.split("/") as [string, string];
  const base = ip.split(".").reduce((a, o) => a * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(bits)) - 2;
  const start = base - (base % 2 ** (32 - Number(bits)));
  return {
    size: Math.max(0, size),
    address: (n) => {
      const v = start + 1 + n;
      return [24, 16, 8, 0].map((s) => Math.floor(v / 2 ** s) % 256).join(".");
    },
  };
}
