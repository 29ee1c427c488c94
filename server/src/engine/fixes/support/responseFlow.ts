import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import { skipOuterExpressions } from '../../script/parse';
import type { FirstElementRead, ReadRule } from '../bodies/types';
import type { FixContext } from '../fixContext';
import { readAll, readName } from './checkReads';
import { isReference } from './nodes';

/**
 * The values that come from one response inside a scope: the response itself (by name or as a node) and every
 * variable initialised from it, transitively (`const text = decode(response.Body)`, `const result = JSON.parse(text)`).
 */
export class ResponseFlow {
  private readonly names = new Set<string>();

  constructor(readonly scope: ts.Node, seedNames: readonly string[], private readonly seedNodes: readonly ts.Node[] = []) {
    // A response kept at the top level flows through the whole file.
    readAll(scope);
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
      if (rule?.kind === 'first') {
        const read = firstElementRead(node, rule);
        if (read && 'suffix' in read.how && flow.carries(node.expression)) {
          if (read.how.prefix) context.insert(node.expression.getStart(context.sourceFile), read.how.prefix);
          context.replace({ start: node.expression.getEnd(), end: read.access.getEnd() }, read.how.suffix);
        }
        if (read && 'fn' in read.how && flow.carries(node.expression)) {
          context.insert(node.expression.getStart(context.sourceFile), `${read.how.fn}(`);
          context.replace({ start: node.expression.getEnd(), end: read.access.getEnd() }, ')');
        }
      } else if (rule && flow.carries(node.expression)) applyRule(context, node, rule);
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
    // Other kinds cannot be destructured: unrewritableRead refuses those calls.
    if (rule?.kind !== 'rename') continue;
    context.replace(element.propertyName ?? element.name, element.propertyName ? rule.to : `${rule.to}: ${field}`);
    if (rule.index0 && !indexed) {
      context.insert(declaration.initializer.getEnd(), '[0]');
      indexed = true;
    }
  }
}

/**
 * Why a read of the response cannot be rewritten by `rules` (the call is then left alone), or undefined: a
 * `first` field used other than as `x.field[0].member` with a known member, a member with no counterpart, or the
 * parsed response itself leaving the function (returned), where its reads cannot be followed.
 */
export function unrewritableRead(flow: ResponseFlow, rules: readonly ReadRule[]): string | undefined {
  if (rules.length === 0) return undefined;
  const byField = new Map(rules.map((rule) => [rule.field, rule]));
  let reason: string | undefined;
  // A read the rules rewrite, and the program's own type on the response: together the rewrite would not type-check.
  let rewritesARead = false;
  let ownType: string | undefined;
  const visit = (node: ts.Node): void => {
    if (reason !== undefined) return;
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name) && flow.carries(node.expression)) {
      const rule = byField.get(node.name.text);
      // Renamed fields clash with the program's type; a read wrapped in an adapter helper keeps its input as it is.
      if (rule?.kind === 'rename' || rule?.kind === 'first' || rule?.kind === 'rewrite') rewritesARead = true;
      if (rule?.kind === 'first') {
        const read = firstElementRead(node, rule);
        if (!read) reason = l10n.t("the response's '{0}' is read other than as {0}[0].{1}, which the tool cannot rewrite", rule.field, Object.keys(rule.members).join('/'));
        else if ('refuse' in read.how) reason = read.how.refuse;
        return;
      }
      if (rule?.kind === 'refuse') {
        reason = rule.reason;
        return;
      }
    }
    ownType ??= ownTypeOf(node, flow);
    if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer && flow.carries(node.initializer)) {
      for (const element of node.name.elements) {
        const rule = byField.get((element.propertyName ?? element.name).getText());
        if (rule?.kind === 'rename') rewritesARead = true;
        if (rule?.kind === 'refuse') reason = rule.reason;
        else if (rule !== undefined && rule.kind !== 'rename') {
          reason = l10n.t("the response's '{0}' is destructured, which the tool cannot rewrite", (element.propertyName ?? element.name).getText());
        }
        if (reason !== undefined) return;
      }
    }
    const returned = ts.isReturnStatement(node) ? node.expression
      : ts.isArrowFunction(node) && !ts.isBlock(node.body) ? node.body : undefined;
    if (returned && returnsWholeResponse(flow, returned)) {
      reason = l10n.t('the parsed response is returned from the function, so the reads of its fields elsewhere cannot be followed');
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(flow.scope);
  if (reason === undefined && rewritesARead && ownType !== undefined) {
    return l10n.t("the parsed response is given the program's own type '{0}', whose fields would no longer match the container's response", ownType);
  }
  return reason;
}

/** True when a read `rules` rewrites needs the response's `details` (so the body must ask for them). */
export function readsNeedDetails(flow: ResponseFlow, rules: readonly ReadRule[]): boolean {
  const byField = new Map(rules.map((rule) => [rule.field, rule]));
  let needed = false;
  const visit = (node: ts.Node): void => {
    if (needed) return;
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name) && flow.carries(node.expression)) {
      const rule = byField.get(node.name.text);
      if (rule?.kind === 'rewrite' && rule.details) needed = true;
      if (rule?.kind === 'first') {
        const how = firstElementRead(node, rule)?.how;
        if (how && 'suffix' in how && how.details) needed = true;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(flow.scope);
  return needed;
}

/** `return parsed` / `return JSON.parse(...)`: the value itself, not a field read from it. */
function returnsWholeResponse(flow: ResponseFlow, expression: ts.Expression): boolean {
  const value = skipOuterExpressions(expression);
  if (ts.isIdentifier(value)) return flow.holders().has(value.text) && !holdsField(flow.scope, value.text);
  return ts.isCallExpression(value) && flow.carries(value);
}

/** True when `name` is declared from a field of a value (`const { generation } = parsed`, `const text = parsed.generation`). */
function holdsField(scope: ts.Node, name: string): boolean {
  readAll(scope);
  let field = false;
  const visit = (node: ts.Node): void => {
    if (ts.isBindingElement(node) && ts.isIdentifier(node.name) && node.name.text === name) field = true;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) {
      const value = skipOuterExpressions(node.initializer);
      if (ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value)) field = true;
    }
    if (!field) ts.forEachChild(node, visit);
  };
  visit(scope);
  return field;
}

/** `x.field[0].member` around the access `x.field`, with how the rule rewrites it; undefined for any other shape or member. */
function firstElementRead(access: ts.PropertyAccessExpression, rule: Extract<ReadRule, { kind: 'first' }>):
  { access: ts.PropertyAccessExpression; how: FirstElementRead } | undefined {
  const element = access.parent;
  if (!ts.isElementAccessExpression(element) || element.expression !== access || !ts.isNumericLiteral(element.argumentExpression)
    || element.argumentExpression.text !== '0') return undefined;
  const member = element.parent;
  if (!ts.isPropertyAccessExpression(member) || member.expression !== element || !ts.isIdentifier(member.name)) return undefined;
  const how = Object.prototype.hasOwnProperty.call(rule.members, member.name.text) ? rule.members[member.name.text] : undefined;
  return how ? { access: member, how } : undefined;
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
    case 'rewrite':
      if (rule.prefix) context.insert(access.expression.getStart(context.sourceFile), rule.prefix);
      context.replace({ start: access.expression.getEnd(), end: access.getEnd() }, rule.suffix);
      return;
    default:
  }
}

/**
 * The field-describing type the program gives a response-derived value (`JSON.parse(...) as LlamaResponse`, `<T>x`,
 * `x satisfies T`, `const r: T = ...`): an object type, or an interface or type alias of this file. Renamed
 * reads would no longer match it. Library types (`Uint8Array`) and `any`/`unknown` say nothing about fields.
 */
function ownTypeOf(node: ts.Node, flow: ResponseFlow): string | undefined {
  let type: ts.TypeNode | undefined;
  if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node)) && flow.carries(node.expression)) type = node.type;
  else if (ts.isVariableDeclaration(node) && node.type && node.initializer && flow.carries(node.initializer)) type = node.type;
  if (!type || !describesFields(type)) return undefined;
  return type.getText();
}

function describesFields(type: ts.TypeNode): boolean {
  if (ts.isTypeLiteralNode(type)) return true;
  if (ts.isArrayTypeNode(type)) return describesFields(type.elementType);
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return false;
  const name = type.typeName.text;
  readName(type.getSourceFile(), name);
  return type.getSourceFile().statements.some((statement) => (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name.text === name);
}
