// postmortem-governance (MIT). Bundled third-party code: its licences are in licenses.txt beside this file.
import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import{k as c}from"./chunk-CG3A5T5K.js";import{d as l}from"./chunk-CBRQL2TQ.js";import"./chunk-Z7EECVJI.js";import"./chunk-P7T5MC2R.js";import"./chunk-ALLONYVR.js";import"./chunk-M6IA7FHM.js";import"./chunk-QV2OK63W.js";import"./chunk-USLJEMDO.js";import{b as u}from"./chunk-AQCNPBLN.js";import"./chunk-BLUF6EN2.js";async function O(n,d,f,g,t){let[o,i]=n.repo.split("/"),a={info:s=>t.stderr(`${s}
`),warning:s=>t.stderr(`warning: ${s}
`)},m=l({token:n.token,repo:{owner:o,repo:i},dryRun:n.dryRun,log:a,env:t.env,maxPauseMs:Number.POSITIVE_INFINITY}),y=await m.headSha(n.ref),r=await c({gateway:m,config:f,files:d,deleted:[],link:{serverUrl:u(t.env.GITHUB_SERVER_URL||"https://github.com"),owner:o,repo:i,sha:y},maxCreates:n.max,dryRun:n.dryRun,log:a});if(g==="json")t.stdout(JSON.stringify({version:1,repo:n.repo,dryRun:n.dryRun,counts:r.counts,remaining:r.remaining,failures:r.failures,issues:r.outcomes},null,2)+`
`);else{for(let e of r.outcomes)t.stdout(`${e.action.padEnd(16)} ${(e.issue?`#${e.issue}`:"\u2014").padEnd(7)} ${e.path}:${e.line}  ${e.title}${e.reason?`  (${e.reason})`:""}
`);let s=Object.entries(r.counts).map(([e,p])=>`${p} ${e}`).join(", ");t.stdout(`${n.dryRun?"Dry run: ":""}${s||"no action items"}${r.remaining?`; ${r.remaining} left for the next run`:""}
`)}return r.failures.length>0?1:0}export{O as syncCommand};
