// postmortem-governance (MIT). Bundled third-party code: its licences are in licenses.txt beside this file.
import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import{b as e}from"./chunk-ALLONYVR.js";e.defaultLocale="en-US";
