/**
 * Text lines of a run of elements, whatever block they sit in: paragraph
 * lines, list items (nested ones too), table rows and blockquotes.
 */
import type { BlockContent, DefinitionContent, List, Table } from 'mdast';
import type { Element } from './structure.js';
import { phrasingLines, rowCells, type TextLine } from './text.js';

export function linesOfElements(elements: Element[]): TextLine[] {
  const out: TextLine[] = [];
  for (const e of elements) {
    if (e.kind === 'line') out.push(e.line);
    else if (e.kind === 'heading') continue;
    else collectBlock(e.node as BlockContent, out, 0);
  }
  return out;
}

function collectBlock(node: BlockContent | DefinitionContent, out: TextLine[], depth: number): void {
  if (depth > 32) return;
  switch (node.type) {
    case 'paragraph':
      out.push(...phrasingLines(node));
      break;
    case 'heading':
      out.push(...phrasingLines(node));
      break;
    case 'list':
      collectList(node, out, depth);
      break;
    case 'blockquote':
      for (const child of node.children) collectBlock(child, out, depth + 1);
      break;
    case 'table':
      out.push(...tableLines(node));
      break;
    default:
      break;
  }
}

function collectList(list: List, out: TextLine[], depth: number): void {
  for (const item of list.children) {
    for (const child of item.children) collectBlock(child, out, depth + 1);
  }
}

/** A table's body rows, one line each, cells joined with " | ". */
export function tableLines(table: Table): TextLine[] {
  return table.children.slice(1).map((row) => {
    const cells = rowCells(row);
    return {
      text: cells.map((c) => c.text).join(' | '),
      line: row.position?.start.line ?? 1,
      column: row.position?.start.column ?? 1,
    };
  });
}
