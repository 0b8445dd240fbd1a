#!/usr/bin/env node
// postmortem-governance (MIT). Bundled third-party code: its licences are in licenses.txt beside this file.
import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import{a as s,c as r}from"./chunks/chunk-CKE6YP7T.js";import"./chunks/chunk-BLUF6EN2.js";s();r();var{runCli:t}=await import("./chunks/main-3WDMVVVN.js");process.stdout.on("error",e=>{throw e.code==="EPIPE"&&process.exit(process.exitCode??0),e});t(process.argv.slice(2),{cwd:process.cwd(),stdout:e=>process.stdout.write(e),stderr:e=>process.stderr.write(e),isTTY:process.stdout.isTTY===!0,stderrIsTTY:process.stderr.isTTY===!0,env:process.env}).then(e=>{process.exitCode=e},e=>{process.stderr.write(`postmortem: internal error: ${e instanceof Error?e.stack??e.message:String(e)}
`),process.exitCode=2});
