/**
 * Inline control, as in markdownlint and remark-lint:
 *
 *   <!-- postmortem-disable rule-a rule-b -->   off from here (all rules when none named)
 *   <!-- postmortem-enable rule-a -->           on again
 *   <!-- postmortem-disable-next-line rule-a --> off for the next line
 *   <!-- postmortem-disable-line rule-a -->     off for this line
 */
import type { Root, RootContent } from 'mdast';
import type { Finding } from './types.js';

const DIRECTIVE = /<!--\s{0,4}postmortem-(disable-next-line|disable-line|disable|enable)((?:\s{1,4}[\w-]{1,64}){0,32})\s{0,4}-->/g;

interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  rules: string[] | null;
  line: number;
}

function collect(tree: Root): Directive[] {
  const out: Directive[] = [];
  const stack: RootContent[] = [...tree.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') {
      const base = node.position?.start.line ?? 1;
      DIRECTIVE.lastIndex = 0;
      for (let m = DIRECTIVE.exec(node.value); m; m = DIRECTIVE.exec(node.value)) {
        const line = base + (node.value.slice(0, m.index).match(/\n/g)?.length ?? 0);
        const rules = m[2].trim() ? m[2].trim().split(/\s+/) : null;
        out.push({ kind: m[1] as Directive['kind'], rules, line });
      }
    } else if ('children' in node) stack.push(...(node.children as RootContent[]));
  }
  return out.sort((a, b) => a.line - b.line);
}

/** A predicate: is this finding silenced by a directive? */
export function directiveFilter(tree: Root): (finding: Finding) => boolean {
  const directives = collect(tree);
  if (directives.length === 0) return () => false;
  return (finding) => {
    const applies = (d: Directive) => d.rules === null || d.rules.includes(finding.rule);
    let off = false;
    for (const d of directives) {
      if (d.kind === 'disable-line' && d.line === finding.line && applies(d)) return true;
      if (d.kind === 'disable-next-line' && d.line + 1 === finding.line && applies(d)) return true;
      if (d.line > finding.line) continue;
      if (d.kind === 'disable' && applies(d)) off = true;
      if (d.kind === 'enable' && applies(d)) off = false;
    }
    return off;
  };
}
