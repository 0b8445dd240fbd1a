/**
 * ## placeholder-text
 *
 * Template text left in: "<insert date>", "[describe impact]", "[Explain
 * what caused the issue]", "[Task 1: …]", "[Time]", "lorem ipsum",
 * "{{owner}}" (the forms are in src/core/placeholders.ts), or a field, cell
 * or line whose whole value is "TBD", "TODO", "TBA", "FIXME" or "???". A status word beside real content
 * ("Bug 1234 **TODO**") is not a placeholder, nor is a "TODO:" label that
 * heads a list.
 */
import type { Root, RootContent } from 'mdast';
import { defineRule } from './rule.js';
import { INLINE_PLACEHOLDERS } from '../placeholders.js';
import { STATUS_COLUMN } from '../model/action-items.js';

const WHOLE = /^[\s*_`~>#+•.-]{0,8}(TBD|TBA|TODO|FIXME|XXX|\?\?\?+|tbd|tba)[\s*_`~.!]{0,4}$/;

function codeLines(tree: Root): Set<number> {
  const lines = new Set<number>();
  const stack: RootContent[] = [...tree.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'code' || node.type === 'yaml') {
      const start = node.position?.start.line ?? 0;
      const end = node.position?.end.line ?? start;
      for (let l = start; l <= end; l++) lines.add(l);
    } else if ('children' in node) stack.push(...(node.children as RootContent[]));
  }
  return lines;
}

/** A cell that states where a measure stands: a column holding one is a status column. */
const STATUS_CELL = /^[\s*_`~]{0,4}(?:DONE|DOING|IN[ \t]PROGRESS|WIP|OPEN|CLOSED|FIXED|BLOCKED|COMPLETED?|DEFERRED)[\s*_`~.!]{0,4}(?:[(（][^()（）]*[)）])?[\s.]*$/i;

/**
 * Lines of table rows whose status column says "TODO" ("| Monitoring script |
 * Prevention | TODO |" beside rows marked DONE): a measure not done yet, not a
 * placeholder. A column is a status column by its header or by a status word
 * in another of its cells.
 */
function statusTodoLines(tree: Root): Set<number> {
  const lines = new Set<number>();
  const stack: RootContent[] = [...tree.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'table') {
      if ('children' in node) stack.push(...(node.children as RootContent[]));
      continue;
    }
    const rows = node.children.map((row) => row.children.map((cell) => cellText(cell)));
    const width = Math.max(0, ...rows.map((r) => r.length));
    for (let col = 0; col < width; col++) {
      const status = STATUS_COLUMN.test(rows[0]?.[col]?.trim() ?? '') || rows.slice(1).some((r) => STATUS_CELL.test(r[col] ?? ''));
      if (!status) continue;
      node.children.forEach((row, r) => {
        if (r > 0 && /^[\s*_`~]{0,4}TODO[\s*_`~.!]{0,4}$/i.test(rows[r][col] ?? '') && row.position) lines.add(row.position.start.line);
      });
    }
  }
  return lines;
}

function cellText(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as RootContent[]).map(cellText).join('') : '';
}

export default defineRule({
  id: 'placeholder-text',
  name: 'Template placeholder',
  description: 'No template placeholders are left in the document.',
  defaultSeverity: 'error',
  examples: {
    valid: [
      { title: 'A status word beside content', markdown: '| Action | Bug |\n| --- | --- |\n| Add alerts | Bug 12 **TODO** |\n' },
      { title: 'A measure not done yet, in a status column', markdown: '| Action Item | Bug |\n| --- | --- |\n| Sync Go versions | DONE |\n| Add a version check | TODO |\n' },
      { title: 'A measure not done yet, beside one done with a note', markdown: '| Action Item | Bug |\n| --- | --- |\n| Sync Go versions | **Done** (commit f5cf687) |\n| Add a version check | TODO |\n' },
      { title: 'A measure not done yet, in a status column named in another language', markdown: '| アクション | 担当 | ステータス |\n| --- | --- | --- |\n| 証明書のローテを監視する | platform | TODO |\n' },
      { title: 'A link whose text reads like an instruction', markdown: '## Summary\n\nSee [what we changed](https://example.com/pr/1) and [how to roll back][runbook].\n\n[runbook]: https://example.com/runbook\n' },
      {
        title: 'What the site generator fills in when it builds the page (Jekyll, Hugo)',
        markdown: '## Summary\n\n<img src="{{ site.url }}/assets/desk.jpg" alt="The desk">\n\nPosted {{ page.date | date: "%B %d" }}; see {{ .Site.BaseURL }}status.\n',
      },
      { title: "An MDX component's style object", markdown: '## Summary\n\n<div style={{ display: "flex", justifyContent: "center" }}>\n  <img src="/chart.png" />\n</div>\n' },
    ],
    invalid: [
      { title: 'A field left as TBD', markdown: '## Summary\n\n- **Impact:** TBD\n- **Start:** <insert start time>\n', reports: ['3:15 Unexpected placeholder “TBD”, expected real content', '4:14 Unexpected placeholder “<insert start time>”, expected real content'] },
      {
        title: "A template's instructions and numbered slots left in",
        markdown: '## Root cause\n\n[Explain in detail what was causing the issue]\n\n## Action items\n\n- [Task 1: Be very specific, like a TODO]\n- [Task 2: ...]\n',
        reports: ['3:1 Unexpected placeholder “[Explain in detail what was causing the issue]”, expected real content', '7:3 Unexpected placeholder “[Task 1: Be very specific, like a TODO]”, expected real content', '8:3 Unexpected placeholder “[Task 2: ...]”, expected real content'],
      },
      { title: 'An owner left as TODO', markdown: '| Action Item | Owner | Status |\n| --- | --- | --- |\n| Add alerts | TODO | DONE |\n', reports: ['3:16 Unexpected placeholder “TODO”, expected real content'] },
      { title: "A template's fields left in braces", markdown: '## Summary\n\n{{ incident.title }} affected {{customer_count}} customers.\n', reports: ['3:1 Unexpected placeholder “{{ incident.title }}”, expected real content', '3:31 Unexpected placeholder “{{customer_count}}”, expected real content'] },
    ],
  },
  check(ctx) {
    const skip = codeLines(ctx.tree);
    const statusTodo = statusTodoLines(ctx.tree);
    ctx.lines.forEach((raw, i) => {
      const line = i + 1;
      if (skip.has(line) || raw.length > 10_000) return;
      let reported = false;
      for (const re of INLINE_PLACEHOLDERS) {
        re.lastIndex = 0;
        for (let m = re.exec(raw); m; m = re.exec(raw)) {
          ctx.report({ message: `Unexpected placeholder “${m[0]}”, expected real content`, line, column: m.index + 1 });
          reported = true;
        }
      }
      if (reported) return;
      const cells = raw.includes('|') ? raw.split('|') : [raw];
      let offset = 0;
      for (const cell of cells) {
        const colon = cell.indexOf(':');
        const value = colon >= 0 && colon < 60 ? cell.slice(colon + 1) : cell;
        const m = WHOLE.exec(value);
        if (m && value.trim() !== '' && !(m[1].toUpperCase() === 'TODO' && statusTodo.has(line))) {
          const column = offset + (colon >= 0 && colon < 60 ? colon + 1 : 0) + value.indexOf(m[1]) + 1;
          ctx.report({ message: `Unexpected placeholder “${m[1]}”, expected real content`, line, column });
        }
        offset += cell.length + 1;
      }
    });
  },
});
