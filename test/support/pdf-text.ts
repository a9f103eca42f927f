import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

// pdf.js calls Promise.withResolvers (Node.js 22); on a Node.js 20 machine it is added here, for
// the tests' reader only (Otter itself never calls it).
const P = Promise as unknown as { withResolvers?: unknown };
P.withResolvers ??= function withResolvers<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

/**
 * The text a reader sees on each page of a PDF, read by pdf.js (Mozilla's PDF reader, a
 * devDependency): items on one line are joined by
 * spaces (no-break spaces too), lines by newlines.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[]; text: string }> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    let text = "";
    for (const item of content.items) {
      if (!("str" in item)) continue;
      text += item.str + (item.hasEOL ? "\n" : " ");
    }
    // A no-break space (between an amount and its currency) reads as a space.
    pages.push(text.replace(/[ \u00a0]+/g, " "));
  }
  await task.destroy();
  return { pages, text: pages.join("\n") };
}
