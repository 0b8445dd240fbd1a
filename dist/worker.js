import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import {
  checkOne
} from "./chunks/chunk-ACAUIUYN.js";
import "./chunks/chunk-7ZKNTLTX.js";
import "./chunks/chunk-ACLCLXQY.js";

// src/worker.ts
import { parentPort, workerData } from "node:worker_threads";
var setup = workerData;
var now = new Date(setup.now);
parentPort?.on("message", (batch) => {
  void (async () => {
    const results = [];
    for (const [index, path] of batch) results.push([index, await checkOne(setup.cwd, path, setup.config, now)]);
    parentPort.postMessage(results);
  })();
});
