/**
 * Entry point of `dist/worker.js`: one checking thread of the pool
 * (src/io/pool.ts). It receives batches of paths and answers with compact
 * per-file results, in the batch's order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkOne, type WorkerBatch, type WorkerResults, type WorkerSetup } from './io/pool.js';

const setup = workerData as WorkerSetup;
const now = new Date(setup.now);

parentPort?.on('message', (batch: WorkerBatch) => {
  void (async () => {
    const results: WorkerResults = [];
    for (const [index, path] of batch) results.push([index, await checkOne(setup.cwd, path, setup.config, now)]);
    parentPort!.postMessage(results);
  })();
});
