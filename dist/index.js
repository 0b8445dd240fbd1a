// postmortem-governance (MIT). Bundled third-party code: its licences are in licenses.txt beside this file.
import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import{a,c as e}from"./chunks/chunk-JHHQ6HF5.js";import"./chunks/chunk-BLUF6EN2.js";a();e();var{run:i}=await import("./chunks/main-DF4VCZ2Y.js");await i();
