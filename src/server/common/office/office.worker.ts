// A worker thread that parses one Office file (readers.ts) and answers once: { ok, result } or
// { ok: false, message }. Started by office-reader.ts with a memory limit: a file that needs more
// ends this thread (ERR_WORKER_OUT_OF_MEMORY), never the server. The production build bundles it as
// dist/server/office.worker.js (scripts/build.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { TASKS, type Task } from './readers';

export interface WorkerInput {
  task: Task;
  data: Uint8Array;
}

export type WorkerAnswer = { ok: true; result: unknown } | { ok: false; message: string };

const input = workerData as WorkerInput;
let answer: WorkerAnswer;
try {
  const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
  answer = { ok: true, result: await TASKS[input.task](data) };
} catch (error) {
  answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort!.postMessage(answer);
