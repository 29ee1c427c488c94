import * as l10n from '@vscode/l10n';
import ts from '../../../typescript';
import type { ReadRule } from '../bodies/types';
import type { FixContext } from '../context';
import { isReference } from './nodes';
import { insertTodoAbove } from './todoComment';

/**
 * The values that come from one response inside a scope: the response itself (by name or as a node) and every
 * variable initialised from it, transitively (`const text = decode(response.Body)`, `const result = JSON.parse(text)`).
 */
export class ResponseFlow {
  private readonly names = new Set<string>();

  constructor(readonly scope: ts.Node, seedNames: readonly string[], private readonly seedNodes: readonly ts.Node[] = []) {
    for (const name of seedNames) this.names.add(name);
    this.grow();
  }

  /** True when `expression` reads from the response. */
  carries(expression: ts.Node): boolean {
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (this.seedNodes.includes(node) || (ts.isIdentifier(node) && this.names.has(node.text) && isReference(node))) {
        found = true;
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(expression);
    return found;
  }

  /** Local names that hold response-derived values. */
  holders(): ReadonlySet<string> {
    return this.names;
  }

  private grow(): void {
    const declarations: ts.VariableDeclaration[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && node.initializer) declarations.push(node);
      ts.forEachChild(node, visit);
    };
    visit(this.scope);
    for (let changed = true; changed;) {
      changed = false;
      for (const declaration of declarations) {
        if (!this.carries(declaration.initializer!)) continue;
        for (const name of boundNames(declaration.name)) {
          if (!this.names.has(name)) {
            this.names.add(name);
            changed = true;
          }
        }
      }
    }
  }
}

function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isBindingElement(element) ? boundNames(element.name) : []));
}

/** Applies read rules to `x.field` accesses (and `{ field }` destructuring) on response-derived values. */
export function rewriteReads(context: FixContext, flow: ResponseFlow, rules: readonly ReadRule[]): void {
  if (rules.length === 0) return;
  const byField = new Map(rules.map((rule) => [rule.field, rule]));
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
      const rule = byField.get(node.name.text);
      if (rule && flow.carries(node.expression)) applyRule(context, node, rule);
    } else if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer && flow.carries(node.initializer)) {
      rewriteDestructuring(context, node as ts.VariableDeclaration & { name: ts.ObjectBindingPattern; initializer: ts.Expression }, byField);
    }
    ts.forEachChild(node, visit);
  };
  visit(flow.scope);
}

/** `const { generation } = parsed` → `const { generated_text: generation } = parsed` (`parsed[0]` for TGI's array). */
function rewriteDestructuring(context: FixContext, declaration: ts.VariableDeclaration & { name: ts.ObjectBindingPattern; initializer: ts.Expression },
  byField: ReadonlyMap<string, ReadRule>): void {
  let indexed = false;
  for (const element of declaration.name.elements) {
    const field = (element.propertyName ?? element.name).getText(context.sourceFile);
    const rule = byField.get(field);
    if (!rule) continue;
    if (rule.kind === 'rename') {
      context.replace(element.propertyName ?? element.name, element.propertyName ? rule.to : `${rule.to}: ${field}`);
      if (rule.index0 && !indexed) {
        context.insert(declaration.initializer.getEnd(), '[0]');
        indexed = true;
      }
    } else if (rule.kind === 'todo') {
      insertTodoAbove(context, declaration, rule.note);
    } else {
      insertTodoAbove(context, declaration, l10n.t("read '{0}' with {1}(...) from the adapter module", field, rule.fn));
    }
  }
}

function applyRule(context: FixContext, access: ts.PropertyAccessExpression, rule: ReadRule): void {
  switch (rule.kind) {
    case 'rename':
      if (rule.index0) context.insert(access.expression.getEnd(), '[0]');
      context.replace(access.name, rule.to);
      return;
    case 'wrap':
      context.insert(access.expression.getStart(context.sourceFile), `${rule.fn}(`);
      context.replace({ start: access.expression.getEnd(), end: access.getEnd() }, ')');
      return;
    case 'todo':
      insertTodoAbove(context, access, rule.note);
  }
}
