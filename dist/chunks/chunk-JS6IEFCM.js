import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import {
  checkDocument,
  readDocument,
  tooLargeMessage,
  unreadableDocument
} from "./chunk-XS6ENSQD.js";

// src/io/check-files.ts
async function checkFiles(files, cwd, config, now = /* @__PURE__ */ new Date()) {
  const results = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const path = files[i];
      const read = await readDocument(cwd, path, config.maxFileSize);
      results[i] = read.kind === "bytes" ? checkDocument(path, read.bytes, config, { now }) : unreadableDocument(path, read.kind === "too-large" ? tooLargeMessage(read.size, config.maxFileSize) : read.message, config);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, worker));
  return results;
}

export {
  checkFiles
};
