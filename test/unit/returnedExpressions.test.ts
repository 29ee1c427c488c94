// returnedExpressions walks only statements (a `return` is never inside an expression but in a nested function):
// it gives the same expressions, in the same order, as a walk of every node that stops at nested functions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { returnedExpressions } from '../../server/src/engine/script/bindings';
import { parseScript } from '../../server/src/engine/script/parse';
import ts from '../../server/src/engine/typescript';
import { generateMigratableFile } from '../helpers/migratableFile';

/** Every node walked, nested functions skipped: what returnedExpressions gave before it walked statements only. */
function everyNodeReturns(fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  if (!fn.body) return [];
  if (!ts.isBlock(fn.body)) return [fn.body];
  const results: ts.Expression[] = [];
  const stack: ts.Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isReturnStatement(node)) {
      if (node.expression) results.push(node.expression);
      continue;
    }
    if (ts.isFunctionLike(node)) continue;
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  return results;
}

const BRANCHES = `
function branches(x: number) {
  if (x > 1) return 'a'; else if (x) { return b(); } else return;
  for (let i = 0; i < x; i++) { if (i) return i; }
  for (const k in o) return k;
  for (const v of list) { while (v) { do { return v; } while (x); } }
  outer: for (;;) { return 'labelled'; }
  try { return t(); } catch (e) { return e; } finally { if (x) return 'finally'; }
  switch (x) { case 1: return 'one'; case 2: { return 'two'; } default: return (() => { return 'nested'; })(); }
  const f = function () { return 'not this one'; };
  class C { m() { return 'method'; } static { const y = 1; } }
  return x ? a : b;
}
const arrow = (x) => x + 1;
const arrowBlock = (x) => { { return [x]; } };
`;

test('returnedExpressions: the same expressions, in the same order, as a walk of every node', () => {
  let functions = 0;
  for (const text of [BRANCHES, generateMigratableFile(300)]) {
    const tree = parseScript(text, 'typescript');
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node) {
        functions++;
        const fn = node as ts.FunctionLikeDeclaration;
        assert.deepEqual(returnedExpressions(fn).map((e) => e.pos), everyNodeReturns(fn).map((e) => e.pos), fn.getText(tree).slice(0, 60));
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  assert.ok(functions > 20, `${functions} functions compared`);
  const branches = parseScript(BRANCHES, 'typescript').statements[0] as ts.FunctionDeclaration;
  assert.equal(returnedExpressions(branches).length, 13);
});
