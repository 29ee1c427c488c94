import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import type { FixContext } from '../fixContext';
import { isReference, referencesTo } from './nodes';

/** Bedrock stream event members → SageMaker ResponseStream members. */
const EVENT_MEMBERS: Readonly<Record<string, string>> = {
  chunk: 'PayloadPart',
  modelStreamErrorException: 'ModelStreamError',
  internalServerException: 'InternalStreamFailure',
};
/** Bedrock stream error members SageMaker streams never carry. */
const UNMAPPED_MEMBERS = new Set(['validationException', 'throttlingException', 'modelTimeoutException', 'serviceUnavailableException']);

/** `for await (const event of <body>)`: the loop that consumes a response stream. */
export interface StreamLoop {
  loop: ts.ForOfStatement;
  iterable: ts.Expression;
  /** The loop variable, or the names bound by destructuring it. */
  variable: ts.Identifier | ts.ObjectBindingPattern;
}

export function streamLoopOf(bodyExpression: ts.Expression): StreamLoop | undefined {
  let node: ts.Node = bodyExpression;
  // `response.body!`, `(response.body)`, `response.body ?? []`: the loop iterates the whole expression.
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent) || isDefaulting(node.parent, node)) node = node.parent;
  const loop = node.parent;
  if (!ts.isForOfStatement(loop) || !loop.awaitModifier || loop.expression !== node) return undefined;
  const declarations = ts.isVariableDeclarationList(loop.initializer) ? loop.initializer.declarations : undefined;
  const name = declarations?.[0]?.name;
  if (!name || ts.isArrayBindingPattern(name)) return undefined;
  return { loop, iterable: node as ts.Expression, variable: name };
}

/** Uses of the body other than a `for await` loop that still work once the body is SageMaker's (truthiness checks). */
export function isHarmlessBodyUse(expression: ts.Expression): boolean {
  const parent = expression.parent;
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) return true;
  if (ts.isIfStatement(parent) && parent.expression === expression) return true;
  return ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken,
    ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(parent.operatorToken.kind);
}

/** Why the loop's event reads cannot be mapped, or undefined when they can. */
export function unmappedEventReads(loop: StreamLoop): string | undefined {
  const members = eventMembers(loop).map((access) => access.name.text)
    .concat(ts.isObjectBindingPattern(loop.variable) ? loop.variable.elements.map((element) => (element.propertyName ?? element.name).getText()) : []);
  const unmapped = members.filter((name) => UNMAPPED_MEMBERS.has(name) || (!EVENT_MEMBERS[name] && name !== 'chunk'));
  return unmapped.length > 0
    ? l10n.t('the loop reads stream members SageMaker does not send ({0}); handle stream errors with try/catch', [...new Set(unmapped)].join(', '))
    : undefined;
}

/** `event.chunk.bytes` → `event.PayloadPart.Bytes` (and the error members); `{ chunk }` → `{ PayloadPart: chunk }`. */
export function renameEventReads(context: FixContext, loop: StreamLoop): void {
  const chunkHolders: ts.Expression[] = [];
  for (const access of eventMembers(loop)) {
    const renamed = EVENT_MEMBERS[access.name.text];
    if (!renamed) continue;
    context.replace(access.name, renamed);
    if (access.name.text === 'chunk') chunkHolders.push(access);
  }
  if (ts.isObjectBindingPattern(loop.variable)) {
    for (const element of loop.variable.elements) {
      const member = (element.propertyName ?? element.name).getText(context.sourceFile);
      const renamed = EVENT_MEMBERS[member];
      if (!renamed) continue;
      context.replace(element.propertyName ?? element.name, element.propertyName ? renamed : `${renamed}: ${member}`);
      if (member === 'chunk' && ts.isIdentifier(element.name)) {
        chunkHolders.push(...referencesTo(loop.loop.statement, element.name.text));
      }
    }
  }
  for (const holder of chunkHolders) {
    const access = holder.parent;
    if (ts.isPropertyAccessExpression(access) && access.expression === holder && access.name.text === 'bytes') context.replace(access.name, 'Bytes');
  }
}

/** `event.<member>` reads inside the loop body. */
function eventMembers(loop: StreamLoop): ts.PropertyAccessExpression[] {
  if (!ts.isIdentifier(loop.variable)) return [];
  const name = loop.variable.text;
  return referencesTo(loop.loop.statement, name)
    .filter((id) => isReference(id))
    .map((id) => id.parent)
    .filter((parent): parent is ts.PropertyAccessExpression => ts.isPropertyAccessExpression(parent) && ts.isIdentifier(parent.name));
}

function isDefaulting(parent: ts.Node, left: ts.Node): boolean {
  return ts.isBinaryExpression(parent) && parent.left === left
    && (parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken);
}
