// The one way the server parses an uploaded Office file (.xlsx imports, .docx plans, Office
// attachments), in three bounds:
//   1. the zip is checked first (zip-limits.ts: entries, declared and actual inflated bytes), so a
//      bomb is a 413 before any parser runs and whatever the load;
//   2. at most `parallel` files are parsed at once, the next `waiting` wait up to `maxWaitMs`, the
//      rest are a 503 `busy` with Retry-After (the queue of http/admission.ts);
//   3. each is parsed in a worker thread of its own with a V8 heap limit and a time limit: a file
//      that needs more ends that thread, and is a 413 naming the file field. The server never runs
//      out of memory on an upload.
// Why a worker and not a streaming reader: exceljs's streaming reader still holds shared strings
// and each row's cells, and mammoth has none; a worker bounds both with the parsers unchanged.
import { Worker } from 'node:worker_threads';
import { AdmissionQueue } from '../../http/admission';
import { badRequest, payloadTooLarge } from '../../http/errors';
import type { Task, TaskResult } from './readers';
import type { WorkerAnswer, WorkerInput } from './office.worker';
import { readZipEntries, ZIP_LIMITS, type ZipEntryInfo, type ZipLimits } from './zip-limits';

export interface OfficeLimits {
  zip: ZipLimits;
  /** The worker's V8 old-generation heap, in MB. */
  heapMb: number;
  /** The longest a parse may take. */
  maxMs: number;
  /** Files parsed at once in this process. */
  parallel: number;
  /** Files waiting for a parser, and for how long at most. */
  waiting: number;
  maxWaitMs: number;
}

// Two parsers of at most ~300 MB each (heap + inflated parts) keep the process under 1 GB. Measured:
// a sheet of 20 MB of XML (440,000 cells) parses within 256 MB; a file within the zip's 32 MB that
// needs more is a 413 from the heap limit, after a few seconds.
export const OFFICE_LIMITS: OfficeLimits = {
  zip: ZIP_LIMITS,
  heapMb: 256,
  maxMs: 30_000,
  parallel: 2,
  waiting: 2,
  maxWaitMs: 5_000,
};

// Under tsx and vitest the worker is this .ts source, started through tsx's loader; in the
// production bundle scripts/build.ts makes this URL ./office.worker.js beside dist/server/main.js.
const WORKER_URL = new URL('./office.worker.ts', import.meta.url);

function startWorker(input: WorkerInput, limits: OfficeLimits): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 };
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, { workerData: input, resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(boot, { eval: true, workerData: input, resourceLimits });
}

/** The bytes as a view of their own ArrayBuffer: a worker gets a copy of the whole buffer. */
function ownBytes(data: Buffer): Uint8Array {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : Uint8Array.from(data);
}

export class OfficeReader {
  private readonly queue: AdmissionQueue;

  constructor(readonly limits: OfficeLimits = OFFICE_LIMITS) {
    this.queue = new AdmissionQueue({
      maxActive: limits.parallel,
      maxWaiting: limits.waiting,
      maxWaitMs: limits.maxWaitMs,
    });
  }

  /** Files being parsed and waiting (tests). */
  stats() {
    return this.queue.stats();
  }

  /** The zip's entries within the limits (413/400 naming `field` otherwise), nothing parsed. */
  entries(data: Buffer, field: string): Promise<ZipEntryInfo[]> {
    return readZipEntries(data, field, this.limits.zip);
  }

  /**
   * `task` run on the file in a worker. A 4xx naming `field`: 413 beyond a limit, 400 with
   * `unreadable` when the parser refuses the file; 503 `busy` when too many files are being read.
   */
  async run<T extends Task>(task: T, data: Buffer, field: string, unreadable: string): Promise<TaskResult<T>> {
    await this.entries(data, field);
    const ticket = this.queue.enter();
    try {
      await ticket.admitted;
      return (await this.inWorker(task, data, field, unreadable)) as TaskResult<T>;
    } finally {
      this.queue.leave(ticket);
    }
  }

  private inWorker(task: Task, data: Buffer, field: string, unreadable: string): Promise<unknown> {
    const tooBig = () =>
      payloadTooLarge(field, 'Tệp quá lớn hoặc quá phức tạp để máy chủ đọc: hãy chia thành các tệp nhỏ hơn');
    return new Promise((resolve, reject) => {
      const worker = startWorker({ task, data: ownBytes(data) }, this.limits);
      let settled = false;
      // The slot is freed once the thread is gone, so that at most `parallel` heaps exist at once.
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate().then(outcome, outcome);
      };
      const timer = setTimeout(() => settle(() => reject(tooBig())), this.limits.maxMs);
      worker.on('message', (answer: WorkerAnswer) =>
        settle(() => (answer.ok ? resolve(answer.result) : reject(badRequest(field, unreadable)))),
      );
      // The worker catches what the parser throws: an error here is its heap limit, or a bug (a 500).
      worker.on('error', (error: Error & { code?: string }) =>
        settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig() : error)),
      );
      worker.on('exit', (code) => settle(() => reject(new Error(`office worker exited with ${code}, no answer`))));
    });
  }
}

/** The process's reader: memory is the process's, so one queue for every app it runs. */
export const officeReader = new OfficeReader();
