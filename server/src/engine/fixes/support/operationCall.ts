import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import type { Finding } from '../../types';
import type { FixContext } from '../fixContext';
import { enclosingScope, referencesTo } from './nodes';

/**
 * One use of a Bedrock runtime operation, in one of the shapes the rewrites understand:
 * `client.send(new XCommand(input))` (also through a `const command = new XCommand(...)` used once by
 * `send`), `br.invokeModel(input)` on an aggregated v3 client, `runtime.invokeModel(input).promise()` (SDK v2).
 */
export interface OperationCall {
  shape: 'send' | 'aggregated';
  sdk: 'v3' | 'v2';
  /** The client expression (`client`, `this.runtime`...). */
  client: ts.Expression;
  /** The expression whose awaited value is the response (the send call, the method call or `.promise()`). */
  result: ts.Expression;
  input: ts.Expression | undefined;
  /** send shape: the command construction. */
  command?: ts.NewExpression;
  /** send shape: the `client.send(...)` call. */
  send?: ts.CallExpression;
  /** The command was built in a variable and passed to `send` by name. */
  commandVariable?: ts.VariableDeclaration;
  /** aggregated shape: the method call and its name. */
  call?: ts.CallExpression;
  method?: ts.Identifier;
}

export function operationCallOf(context: FixContext, finding: Finding): OperationCall | string {
  const node = context.nodeOf(finding);
  if (!node) return l10n.t('the code changed since it was analysed');
  if (typeof finding.data.command === 'string') return commandCall(node);
  return aggregatedCall(node, finding.data.sdk === 'v2' ? 'v2' : 'v3', finding.data.callback === true);
}

function commandCall(node: ts.Node): OperationCall | string {
  const command = node.parent;
  if (!command || !ts.isNewExpression(command) || command.expression !== node) return l10n.t('the command is not constructed with new');
  const input = command.arguments?.[0];
  const direct = sendOf(command);
  if (direct) return { shape: 'send', sdk: 'v3', client: (direct.expression as ts.PropertyAccessExpression).expression, result: direct, input, command, send: direct };
  // const command = new XCommand(input); ... client.send(command)
  const declaration = skipParents(command);
  if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name)) {
    const uses = referencesTo(enclosingScope(declaration), declaration.name.text).filter((id) => id !== declaration.name);
    const sends = uses.map((id) => sendOf(id)).filter((send): send is ts.CallExpression => send !== undefined);
    if (uses.length === 1 && sends.length === 1) {
      const send = sends[0];
      return { shape: 'send', sdk: 'v3', client: (send.expression as ts.PropertyAccessExpression).expression, result: send, input, command, send, commandVariable: declaration };
    }
  }
  return l10n.t('the command is not passed straight to client.send(...) (build it inside the send call, or in a variable used only by one send)');
}

function aggregatedCall(node: ts.Node, sdk: 'v3' | 'v2', callback: boolean): OperationCall | string {
  if (callback) return l10n.t('callback-style calls are not rewritten; use the promise form first');
  const access = node.parent;
  if (!ts.isIdentifier(node) || !access || !ts.isPropertyAccessExpression(access) || access.name !== node) return l10n.t('unrecognised call shape');
  const call = access.parent;
  if (!ts.isCallExpression(call) || call.expression !== access) return l10n.t('the method is not called directly');
  let result: ts.Expression = call;
  if (sdk === 'v2') {
    const promise = call.parent;
    if (!ts.isPropertyAccessExpression(promise) || promise.name.text !== 'promise' || !ts.isCallExpression(promise.parent)) {
      return l10n.t('SDK v2 calls are rewritten only in the .promise() form');
    }
    result = promise.parent;
  }
  return { shape: 'aggregated', sdk, client: access.expression, result, input: call.arguments[0], call, method: node };
}

/** `x.send(node)` when `node` (maybe parenthesised or asserted) is the first argument of a send call. */
function sendOf(node: ts.Node): ts.CallExpression | undefined {
  const outer = outermost(node);
  const call = outer.parent;
  if (call && ts.isCallExpression(call) && call.arguments[0] === outer
    && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'send') return call;
  return undefined;
}

/** The parent of `node` once parentheses and type assertions around it are skipped. */
function skipParents(node: ts.Node): ts.Node {
  return outermost(node).parent;
}

function outermost(node: ts.Node): ts.Node {
  let current = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isSatisfiesExpression(current.parent)) current = current.parent;
  return current;
}

/** Where the awaited response of an operation goes. */
export type ResponseBinding =
  | { kind: 'variable'; name: ts.Identifier; scope: ts.Node }
  | { kind: 'destructured'; pattern: ts.ObjectBindingPattern; scope: ts.Node }
  | { kind: 'inline'; access: ts.PropertyAccessExpression }
  | { kind: 'unused' }
  | { kind: 'escapes' };

export function responseBindingOf(result: ts.Expression): ResponseBinding {
  let node: ts.Node = result;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent)
    || ts.isNonNullExpression(node.parent) || ts.isSatisfiesExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === node) {
    if (ts.isIdentifier(parent.name)) return { kind: 'variable', name: parent.name, scope: enclosingScope(parent) };
    if (ts.isObjectBindingPattern(parent.name)) return { kind: 'destructured', pattern: parent.name, scope: enclosingScope(parent) };
    return { kind: 'escapes' };
  }
  if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(parent.left)) {
    return { kind: 'variable', name: parent.left, scope: enclosingScope(parent) };
  }
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) return { kind: 'inline', access: parent };
  if (ts.isExpressionStatement(parent)) return { kind: 'unused' };
  return { kind: 'escapes' };
}
