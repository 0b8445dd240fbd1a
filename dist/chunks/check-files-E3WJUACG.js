import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import {
  checkFiles
} from "./chunk-ILSZMAS6.js";
import "./chunk-2DUTI5VG.js";
import "./chunk-ACLCLXQY.js";
export {
  checkFiles
};
