// postmortem-governance (MIT). Bundled third-party code: its licences are in licenses.txt beside this file.
import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import{a as g}from"./chunk-P2UK5OIC.js";import{a as A}from"./chunk-BTOR3NON.js";import{f as C}from"./chunk-RKI4XCVP.js";import{a as v,b as H,c as _,d as j}from"./chunk-PLVBYAPH.js";import{a as w}from"./chunk-PBM4SUK7.js";import"./chunk-ELWKAFGG.js";import"./chunk-HCKPDB7H.js";import"./chunk-B3VXLUR7.js";import"./chunk-ALLONYVR.js";import{m as $,p as S}from"./chunk-CDKSECJE.js";import"./chunk-M6IA7FHM.js";import"./chunk-QV2OK63W.js";import"./chunk-CKE6YP7T.js";import{f as E}from"./chunk-USLJEMDO.js";import{c as R}from"./chunk-5YZJ5LWE.js";import{c as I}from"./chunk-AQCNPBLN.js";import"./chunk-BLUF6EN2.js";import{parseArgs as M}from"node:util";function F(o){return JSON.stringify(o,null,2)+`
`}var y=`Usage: postmortem <command> [paths or globs\u2026] [options]

Commands:
  check   Check postmortems: required sections, timeline, action items
  sync    Open one GitHub issue per action item (needs GITHUB_TOKEN)
  audit   Report compliance, follow-up status and incident metrics
  merge   Merge JSON reports (of audit shards) into one: postmortem merge a.json b.json\u2026
  init    Write a starter .github/postmortem.yml and workflow (postmortem init --help)
  new     Write a new postmortem from the template: postmortem new "Title" (postmortem new --help)

Options:
  --format text|json|sarif   Output format (default: text)
  --config FILE              Config file (default: .github/postmortem.yml)
  --color / --no-color       Force colour on or off (default: on for a TTY)
  --cache                    Check and audit: reuse the results of unchanged files (content hash)
  --cache-location FILE      Where the cache lives (default .postmortemcache; implies --cache)

Options of audit (follow-up status from GITHUB_TOKEN or GH_TOKEN; offline without):
  --repo OWNER/NAME          Repository whose issues give the follow-up status
  --shard I/N                Audit only shard I of N (by path hash); merge the JSON reports after
  --format markdown          Also for audit and merge: the Markdown report with Mermaid charts

Options of sync (token from GITHUB_TOKEN or GH_TOKEN):
  --repo OWNER/NAME          Repository whose issues to sync (required)
  --dry-run                  Print the plan (create, update, close, comment); write nothing
  --max-issues N             Most issues to create in this run (default 50)
  --ref BRANCH               Branch whose head commit the permalinks point at (default: the default branch)
  -h, --help                 Show this help
  -v, --version              Show the version

Without paths, the config's \`paths\` globs are used.
Exit codes: 0 clean, 1 findings at error severity, 2 usage or config error.
`,G=["text","json","sarif","markdown"];function J(o,e,d,t){return e==="json"?F(o):e==="sarif"?v(o,w,t===void 0?void 0:{cwd:t,root:H(t)??t}):_(o,{color:d})}async function te(o,e){if(o[0]==="init")return(await import("./init-CTCMJFZT.js")).initCommand(o.slice(1),e);if(o[0]==="new")return(await import("./new-UXW7W3NT.js")).newCommand(o.slice(1),e);let d;try{d=M({args:o,allowPositionals:!0,options:{format:{type:"string",short:"f"},config:{type:"string",short:"c"},color:{type:"boolean"},"no-color":{type:"boolean"},help:{type:"boolean",short:"h"},repo:{type:"string"},"dry-run":{type:"boolean"},"max-issues":{type:"string"},ref:{type:"string"},shard:{type:"string"},cache:{type:"boolean"},"cache-location":{type:"string"},version:{type:"boolean",short:"v"}}})}catch(r){return e.stderr(`postmortem: ${I(r)}

${y}`),2}let{values:t,positionals:O}=d;if(t.version)return e.stdout(`${w}
`),0;if(t.help||O.length===0)return(t.help?e.stdout:e.stderr)(y),t.help?0:2;let[n,...p]=O,a=t.format??"text";if(!G.includes(a))return e.stderr(`postmortem: unknown --format "${t.format}", expected one of ${G.join(", ")}
`),2;if(!["check","sync","audit","merge"].includes(n))return e.stderr(`postmortem: unknown command "${n}", expected check, sync, audit or merge

${y}`),2;let i=t.cache===!0||t["cache-location"]!==void 0?await import("./cache-W5VQZNJG.js"):null,m=t["cache-location"]??(i?i.DEFAULT_CACHE_LOCATION:void 0);if(m!==void 0&&n!=="check"&&n!=="audit")return e.stderr(`postmortem: --cache is for check and audit
`),2;if(i&&m!==void 0&&await $(await i.cachedFileCount(m,e.cwd)),a==="markdown"&&n!=="audit"&&n!=="merge")return e.stderr(`postmortem: --format markdown is for audit and merge
`),2;let f=t["no-color"]?!1:t.color?!0:e.isTTY&&!e.env.NO_COLOR;if(n==="merge")return(await import("./audit-BZ3DRP4M.js")).mergeCommand(p,a,f,e);let s;try{s=await A(e.cwd,t.config)}catch(r){if(r instanceof C)return e.stderr(`postmortem: config error: ${r.message}
`),2;throw r}if(n==="audit"){let r=t.shard===void 0?void 0:j(t.shard);return typeof r=="string"?(e.stderr(`postmortem: ${r}
`),2):(await import("./audit-BZ3DRP4M.js")).auditCommand({paths:p,format:a,color:f,repo:t.repo,shard:r,cacheLocation:m},s,e)}let l=null;if(n==="sync"){let r=t.repo??"";if(!E(r))return e.stderr(`postmortem: sync needs --repo OWNER/NAME${t.repo?` (got "${t.repo}")`:""}
`),2;let k=e.env.GITHUB_TOKEN||e.env.GH_TOKEN||"";if(!k)return e.stderr(`postmortem: sync needs a token in GITHUB_TOKEN (or GH_TOKEN) that can write issues
`),2;let h=t["max-issues"]===void 0?50:Number(t["max-issues"]);if(!Number.isInteger(h)||h<0)return e.stderr(`postmortem: unexpected --max-issues "${t["max-issues"]}", expected a whole number of 0 or more
`),2;l={repo:r,token:k,max:h,dryRun:t["dry-run"]===!0,ref:t.ref}}let c=await R(p.length>0?p:s.paths,{cwd:e.cwd,exclude:s.exclude});for(let r of c.problems)e.stderr(`postmortem: ${r.path}: ${r.message}
`);if(c.files.length===0&&c.problems.length>0)return 2;if(l){let{results:r}=await g(c.files,{cwd:e.cwd,config:s,now:e.now??new Date,models:!0});return(await import("./sync-6GSV2C4A.js")).syncCommand(l,r,s,a==="json"?"json":"text",e)}let T=e.now??new Date,u=m===void 0||!i?void 0:await i.openCache(m,s,e.cwd,T,r=>e.stderr(`postmortem: ${r}
`)),x={parsed:0,cached:0,threads:0},N=S(e.stderr,e.stderrIsTTY===!0&&c.files.length>200,"checking"),{report:b}=await g(c.files,{cwd:e.cwd,config:s,now:T,onProgress:N.update,cache:u,stats:x});return N.end(),u&&(await u.save(e.cwd),e.stderr(`postmortem: ${i.cacheLine(x,u.location,e.cwd)}
`)),e.stdout(J(b,a==="markdown"?"text":a,f,e.cwd)),b.summary.errors>0?1:0}export{y as USAGE,J as render,te as runCli};
