import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import {
  checkFiles
} from "./chunk-2U6VWZ3Q.js";
import "./chunk-FXSGCSOM.js";
import "./chunk-ACLCLXQY.js";
export {
  checkFiles
};
