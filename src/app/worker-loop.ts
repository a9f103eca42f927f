import type { Logger } from "pino";

/**
 * Runs `tick` every `intervalMs` until stopped; a tick never overlaps the previous one and an error
 * is logged, not thrown, so one bad item cannot stop the worker.
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
  const run = async () => {
    if (stopped) return;
    try {
      await tick();
    } catch (err) {
      if (!stopped) logger.error({ err, worker: name }, "worker tick failed");
    }
    if (!stopped)
      timer = setTimeout(() => {
        running = run();
      }, intervalMs);
  };
  timer = setTimeout(() => {
    running = run();
  }, 0);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
