import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBlob } from "../../src/modules/desk/desk-blobs.js";
import { parseForDesk } from "../../src/modules/desk/mail-intake.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { addMailbox } from "./desk-support.js";

const SUPPORT = "fuzz@otter.example";

/** Pieces of broken MIME: wrong and missing boundaries, unknown charsets, truncated base64, header garbage. */
const headerGarbage = fc.oneof(
  fc.constant("Content-Type: multipart/mixed; boundary="),
  fc.constant('Content-Type: multipart/alternative; boundary="unterminated'),
  fc.constant("Content-Type: text/plain; charset=x-no-such-charset"),
  fc.constant('Content-Type: text/plain; charset="utf-7"'),
  fc.constant("Content-Transfer-Encoding: base64"),
  fc.constant("Content-Transfer-Encoding: quoted-printable"),
  fc.constant("Subject: =?ISO-8859-1?Q?broken_=E9=?="),
  fc.constant("Subject: =?bogus?B?////?="),
  fc.constant("From: <<<@@>>>"),
  fc.constant("Message-ID: <<>>"),
  fc.constant("References: <a@b> <c@d"),
  fc.constant("In-Reply-To: "),
  fc.constant("\tcontinuation without a header"),
  fc.string({ maxLength: 80 }).map((s) => `X-${s.replace(/[:\r\n]/g, "")}: ${s}`),
  fc.string({ maxLength: 60 }),
);
const bodyPart = fc.oneof(
  fc.constant("--b1\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n"),
  fc.constant(
    "--b1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nSGVsbG8gd29y",
  ),
  fc.constant("--b1--\r\n"),
  fc.constant("--nonexistent-boundary\r\n"),
  fc.constant("=E9=\r\n=XZ"),
  fc.constant("<html><body><p>unclosed <b>html"),
  fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a).toString("latin1")),
  fc.string({ maxLength: 200 }),
);
const brokenMail = fc
  .tuple(
    fc.array(headerGarbage, { maxLength: 12 }),
    fc.array(bodyPart, { maxLength: 12 }),
    fc.boolean(),
  )
  .map(([headers, parts, crlf]) => {
    const nl = crlf ? "\r\n" : "\n";
    return Buffer.from(`${headers.join(nl)}${nl}${nl}${parts.join(nl)}`, "latin1");
  });

describe("malformed MIME", () => {
  it("never makes the parser throw", async () => {
    await fc.assert(
      fc.asyncProperty(brokenMail, async (raw) => {
        const p = await parseForDesk(raw);
        expect(p.messageId).toMatch(/^<.+>$/);
        expect(typeof p.subject).toBe("string");
      }),
      { numRuns: 300 },
    );
  });

  it("never survives random bytes either", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const p = await parseForDesk(Buffer.from(bytes));
        expect(p.messageId).toMatch(/^<.+>$/);
      }),
      { numRuns: 200 },
    );
  });

  describe("through the desk's intake", () => {
    let t: TestOtter;
    beforeAll(async () => {
      t = await startOtter({ OTTER_DESK_ACKNOWLEDGE: "false" }, { startWorkers: false });
      await addMailbox(t, SUPPORT);
    });
    afterAll(async () => {
      await t?.close();
    });

    it("stores every malformed message with its raw bytes intact and never loses one", async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(brokenMail, async (body) => {
          // A unique first line keeps fast-check's repeated inputs from being deduplicated as the same mail.
          const raw = Buffer.concat([Buffer.from(`X-Fuzz-Run: ${n++}\r\n`), body]);
          const res = await t.otter.services.deskMail.receive(raw, {
            mailFrom: "fuzzer@example.net",
            rcptTo: [SUPPORT],
          });
          const row = await t.otter.database.db
            .selectFrom("desk_messages")
            .select(["id", "raw_chunks", "case_id", "flags", "subject"])
            .where("message_id", "=", res.messageId)
            .executeTakeFirstOrThrow();
          if (!res.duplicate)
            expect(
              Buffer.compare((await readBlob(t.otter.database.db, row.id, row.raw_chunks))!, raw),
            ).toBe(0);
          if (!res.flags.includes("loop")) expect(row.case_id).toBeTruthy();
          // Stored by the normal path (parsed as far as possible), not by the raw-only last resort.
          expect(row.subject).not.toBeNull();
        }),
        { numRuns: 60 },
      );
    });
  });
});
