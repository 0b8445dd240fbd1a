// postmortem-governance (MIT). Bundled third-party code: its licences are in licenses.txt beside this file.
import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
var _="0.1.0",E=`${_}+2052c18a553a3bdb`;export{_ as a,E as b};
