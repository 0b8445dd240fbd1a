// postmortem-governance (MIT). Bundled third-party code: its licences are in licenses.txt beside this file.
import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import{a,c as t}from"./chunks/chunk-CKE6YP7T.js";import"./chunks/chunk-BLUF6EN2.js";a();t();var{run:e}=await import("./chunks/main-66CKKLZL.js");await e();
