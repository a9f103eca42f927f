import type { Logger } from "pino";

/**
 * Runs `tick` every `intervalMs` until stopped; a tick never overlaps the previous one and an error
 * is logged, not thrown, so one bad item cannot stop the worker. The returned function stops the
 * loop; its `wake()` runs the next tick now instead of at the end of the interval (work just became
 * ready), or right after the tick under way.
 */
export function startLoop(
  name: string,
  intervalMs: number,
  tick: () => Promise<unknown>,
  logger: Logger,
) {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let ticking = false;
  let again = false;
  const run = async () => {
    if (stopped) return;
    ticking = true;
    again = false;
    try {
      await tick();
    } catch (err) {
      if (!stopped) logger.error({ err, worker: name }, "worker tick failed");
    }
    ticking = false;
    if (!stopped)
      timer = setTimeout(
        () => {
          running = run();
        },
        again ? 0 : intervalMs,
      );
  };
  timer = setTimeout(() => {
    running = run();
  }, 0);
  const stop = async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
  const wake = () => {
    if (stopped) return;
    if (ticking) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = run();
    }, 0);
  };
  return Object.assign(stop, { wake });
}
