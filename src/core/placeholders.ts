/**
 * Template text left in a document: the one home of what a placeholder
 * looks like inline. The `placeholder-text` rule reports each; the reader
 * takes no action item from a line that holds nothing else.
 *
 * A bracketed placeholder is a template's instruction ("[Explain in detail
 * what caused the issue]", "[What went wrong?]", "[link to GitHub issue]",
 * "<insert date>"), a
 * numbered slot ("[Task 1: be very specific…]") or a bare field name
 * ("[Date]", "[Owner]"). A link's text ("[what we did](…)", "[how][1]") is
 * not one.
 */

/** Each inline form of a placeholder (global: use with `lastIndex = 0`). */
export const INLINE_PLACEHOLDERS: readonly RegExp[] = [
  /<\s{0,2}(?:insert|add|describe|enter|fill in|your|placeholder)\b[^<>\n]{0,80}>/gi,
  // An instruction or a numbered slot; not a link's text: nothing of a link ("(", "[", ":") right after the bracket.
  /\[[ \t]{0,2}(?:(?:insert|add|describe|enter|fill[ \t]in|your|placeholder|explain|list|summari[sz]e|provide|include|mention|specify|outline|link[ \t]to|what|how|which|who|when|where|why|(?:steps|actions|measures|details|description)[ \t]{1,2}(?:taken|to|of|for|on|about))\b|(?:task|action|item|step|event|measure)[ \t]{0,2}\d{1,2}(?=[ \t]{0,2}[:.)\]]))[^\]\n]{0,160}\](?![(\[:])/gi,
  // "[Owner]: …": a field's name where its value goes ("[Time]" is the timeline's own placeholder, see findTimePlaceholder).
  /\[[ \t]{0,2}(?:date|owner|name|assignee|duration)[ \t]{0,2}\](?![(\[])/gi,
  /\blorem ipsum\b/gi,
  // "{{owner}}", "{{ incident.title }}"; not a Hugo shortcode (`{{< track "2022-04-21T11:34:00Z" >}}`, `{{% note %}}`), nor
  // what a site generator fills in when it builds the page: Jekyll's objects (`{{ site.url }}/assets/…`, `{{ page.date }}`),
  // Hugo's context (`{{ .Site.BaseURL }}`) or a value through a filter (`{{ "/img" | relative_url }}`). Those are content,
  // as is an MDX component's style object (`style={{ display: "flex" }}`), which opens with a key and its colon.
  /\{\{(?![<%])(?![ \t]{0,3}(?:(?:site|page|layout|paginator|jekyll|include|post)\.\w|\.\p{Lu}|[A-Za-z_$][\w$]{0,40}[ \t]{0,2}:))(?![^{}\n]{0,80}\|)[^{}\n]{1,80}\}\}/gu,
];

/** A label that heads the placeholder ("Improvements/Fixes:", "Tasks to address the issue:"). */
const LEADING_LABEL = /^[^:\n]{1,60}:/;

/**
 * Whether `text` holds nothing but placeholders, after a label: "[Task 2:
 * ...]", "Improvements/Fixes: [What are the things that can be improved]".
 */
export function onlyPlaceholders(text: string): boolean {
  let rest = text;
  let found = false;
  for (const re of INLINE_PLACEHOLDERS) {
    re.lastIndex = 0;
    rest = rest.replace(re, (m) => {
      // "{{ Start writing reports }}": the author's words left inside the template's braces are content.
      if (m.startsWith('{{') && m.trim().split(/\s+/).length > 4) return m;
      found = true;
      return ' ';
    });
  }
  if (!found) return false;
  rest = rest.trim();
  if (LEADING_LABEL.test(rest) && !/\p{L}|\p{N}/u.test(rest.replace(LEADING_LABEL, ''))) return true;
  return !/\p{L}|\p{N}/u.test(rest);
}
