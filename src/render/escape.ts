/**
 * Document text is somebody else's words: before it goes into a comment, an
 * issue or a summary, HTML is escaped (so it cannot hide markers or inject
 * tags), `@mentions` are broken (nobody is pinged by accident), and table
 * pipes and newlines cannot break the structure around it.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Escape text for use inside Markdown prose or a table cell. Each syntax character
 * gets one backslash (`\|` reads as `|` in a heading and in a table cell alike);
 * `#12` and `GH-12` get a zero-width space, or GitHub would link (and cross-reference)
 * issue 12 of the repository the text is posted in, which is not what the document meant.
 */
export function md(text: string, max = 500): string {
  let s = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
  if (s.length > max) s = s.slice(0, max - 1) + '…';
  return s
    .replace(/[&<>"]/g, (c) => HTML[c])
    .replace(/([\\`*_[\]|])/g, '\\$1')
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200b')
    .replace(/(#|\bGH-)(?=\d)/gi, '$1\u200b');
}

/** A login shown without pinging: `@alice` in code. */
export function login(name: string): string {
  const clean = name.replace(/^@/, '').replace(/[^\w./-]/g, '');
  return clean ? '`@' + clean + '`' : '';
}

/** Inline code that cannot be broken out of. */
export function code(text: string, max = 200): string {
  let s = text.replace(/\s+/g, ' ').trim();
  if (s.length > max) s = s.slice(0, max - 1) + '…';
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** Text for a Mermaid label: no syntax characters, no HTML. */
export function mermaid(text: string, max = 80): string {
  let s = text.replace(/[:;#`"<>{}[\]()|\\%&]/g, ' ').replace(/\s+/g, ' ').trim();
  if (s.length > max) s = s.slice(0, max - 1) + '…';
  return s || '…';
}
