import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import {
  checkFiles
} from "./chunk-JS6IEFCM.js";
import "./chunk-XS6ENSQD.js";
import "./chunk-ACLCLXQY.js";
export {
  checkFiles
};
