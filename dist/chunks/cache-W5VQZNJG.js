// postmortem-governance (MIT). Bundled third-party code: its licences are in licenses.txt beside this file.
import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import{a,b,c,d,e,f,g,h}from"./chunk-WQBGGRMU.js";import"./chunk-PBM4SUK7.js";import"./chunk-5YZJ5LWE.js";import"./chunk-AQCNPBLN.js";import"./chunk-BLUF6EN2.js";export{b as CACHE_FORMAT,c as CLOCK_RULES,e as ContentCache,a as DEFAULT_CACHE_LOCATION,d as cacheIdentity,h as cacheLine,g as cachedFileCount,f as openCache};
