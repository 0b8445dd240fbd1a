import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import {
  checkFiles,
  checkPath
} from "./chunk-7ZKNTLTX.js";
import "./chunk-ACLCLXQY.js";
export {
  checkFiles,
  checkPath
};
