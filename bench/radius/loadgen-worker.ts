/** A worker thread of the load generator: runs its share of the sockets when told to start, and posts the result. */
import { once } from "node:events";
import { parentPort, workerData } from "node:worker_threads";
import { type PhaseSpec, runSockets } from "./loadgen.js";

const { spec, socketIds } = workerData as { spec: PhaseSpec; socketIds: number[] };
parentPort!.postMessage("ready");
const [{ epochMs }] = (await once(parentPort!, "message")) as [{ epochMs: number }];
parentPort!.postMessage(await runSockets({ ...spec, epochMs }, socketIds));
