// Preloaded into `otter serve` by bench/lookup.bench.ts --cpu-prof (NODE_OPTIONS refuses --cpu-prof):
// samples the process with the inspector and writes a .cpuprofile when it exits.
import { Session } from "node:inspector";
import { writeFileSync, mkdirSync } from "node:fs";
const s = new Session();
s.connect();
s.post("Profiler.enable");
s.post("Profiler.setSamplingInterval", { interval: 200 });
s.post("Profiler.start");
process.on("exit", () => {
  s.post("Profiler.stop", (err, { profile }) => {
    const dir = process.env.BENCH_PROF_DIR ?? "/tmp/lk";
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/otter-${process.pid}.cpuprofile`, JSON.stringify(profile));
  });
});
