// postmortem-governance (MIT). Bundled third-party code: its licences are in licenses.txt beside this file.
import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import{c as a,d as b}from"./chunk-CBRQL2TQ.js";import"./chunk-Z7EECVJI.js";import"./chunk-BLUF6EN2.js";export{a as DEFAULT_API_URL,b as createGateway};
