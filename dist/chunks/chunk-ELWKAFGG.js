// postmortem-governance (MIT). Bundled third-party code: its licences are in licenses.txt beside this file.
import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
async function t(){let a=await import("./dist-4TFCELNI.js");return a.default??a}export{t as a};
