/**
 * Entry point of `dist/worker.js`: one checking thread of the pool
 * (src/io/pool.ts). It receives batches of paths and answers each file,
 * in the batch's order, with its compact result (JSON text and the hash of
 * the bytes read) as soon as it is checked. Its setup (working directory,
 * configuration, clock) comes as its `workerData` or as its first message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { enableCompileCache, tuneV8 } from './compile-cache.js';

enableCompileCache();
tuneV8();
const { checkOne, loadEngine } = await import('./io/pool.js');
// Started before its first batch is chosen (io/pool.ts `startWorkerEarly`): the engine loads meanwhile.
void loadEngine();
type Setup = import('./io/pool.js').WorkerSetup;
type Batch = import('./io/pool.js').WorkerBatch;
type Result = import('./io/pool.js').WorkerResult;

// Given at the start, or, for a worker started before the run knew its setup (io/pool.ts `prestartWorker`), as the first message.
let setup = workerData as Setup | null;
let now = new Date(setup?.now ?? 0);

parentPort?.on('message', (message: Batch | Setup) => {
  if (!Array.isArray(message)) {
    setup = message;
    now = new Date(message.now);
    return;
  }
  const { cwd, config, hash: hashing } = setup!;
  void (async () => {
    for (const [k, [index, path]] of message.entries()) {
      const { hash, json } = await checkOne(cwd, path, config, now, hashing);
      parentPort!.postMessage([index, hash, json, k === message.length - 1] satisfies Result);
    }
  })();
});
