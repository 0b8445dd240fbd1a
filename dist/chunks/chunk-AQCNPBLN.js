// postmortem-governance (MIT). Bundled third-party code: its licences are in licenses.txt beside this file.
import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
function t(n,r){return`${n} ${r}${n===1?"":"s"}`}function e(n){return n.replace(/(?<!\/)\/+$/,"")}function i(n){return n instanceof Error?n.message:String(n)}function s(n){return n instanceof Error?n.message.split(`
`)[0]:String(n)}export{t as a,e as b,i as c,s as d};
