import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { check } from 'recheck';

const dir = fileURLToPath(new URL('../../src/core/time/', import.meta.url));

/** Every regular-expression literal in the time layer, and any `new RegExp(...)`. */
function regexesIn(file: string): { literals: string[]; dynamic: string[] } {
  const sf = ts.createSourceFile(file, readFileSync(dir + file, 'utf8'), ts.ScriptTarget.Latest, true);
  const literals: string[] = [];
  const dynamic: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) literals.push(node.getText(sf));
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(sf) === 'RegExp') dynamic.push(node.getText(sf));
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { literals, dynamic };
}

describe('time layer regular expressions are safe from catastrophic backtracking', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    it(file, async () => {
      const { literals, dynamic } = regexesIn(file);
      expect(dynamic).toEqual([]);
      for (const literal of literals) {
        const last = literal.lastIndexOf('/');
        const result = await check(literal.slice(1, last), literal.slice(last + 1), { randomSeed: 1 });
        expect(result.status, literal).toBe('safe');
      }
    }, 60_000);
  }
});
