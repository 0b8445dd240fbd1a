// postmortem-governance (MIT). Bundled third-party code: its licences are in licenses.txt beside this file.
import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import o from"node:module";import{setFlagsFromString as n}from"node:v8";function i(){let e=o.enableCompileCache;try{e?.()}catch{}}function l(){let e=o.flushCompileCache;try{e?.()}catch{}}function a(){try{n("--no-regexp-tier-up")}catch{}}export{i as a,l as b,a as c};
