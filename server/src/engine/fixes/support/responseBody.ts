import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import type { FixContext } from '../fixContext';
import { type ResponseBinding, responseBindingOf } from './operationCall';
import { enclosingScope, referencesTo } from './nodes';
import { ResponseFlow } from './responseFlow';

/** InvokeModel response fields → InvokeEndpoint response fields. */
const RESPONSE_FIELDS: Readonly<Record<string, string>> = { body: 'Body', contentType: 'ContentType' };

/** Where the response body is read: the `.body` accesses (or destructured names) on the response. */
export interface ResponseBody {
  binding: ResponseBinding;
  /** Expressions that evaluate to the body: `response.body`, `(await send(...)).body`, or a destructured `body`. */
  bodyExpressions: ts.Expression[];
  scope: ts.Node | undefined;
}

export function responseBodyOf(result: ts.Expression): ResponseBody {
  const binding = responseBindingOf(result);
  switch (binding.kind) {
    case 'variable': {
      const accesses = referencesTo(binding.scope, binding.name.text)
        .filter((id) => id !== binding.name)
        .map((id) => id.parent)
        .filter((parent): parent is ts.PropertyAccessExpression => ts.isPropertyAccessExpression(parent) && parent.name.getText() === 'body');
      return { binding, bodyExpressions: accesses, scope: binding.scope };
    }
    case 'destructured': {
      const element = binding.pattern.elements.find((candidate) => (candidate.propertyName ?? candidate.name).getText() === 'body');
      const local = element && ts.isIdentifier(element.name) ? element.name : undefined;
      const uses = local ? referencesTo(binding.scope, local.text).filter((id) => id !== local) : [];
      return { binding, bodyExpressions: uses, scope: binding.scope };
    }
    case 'inline':
      return { binding, bodyExpressions: binding.access.name.getText() === 'body' ? [binding.access] : [], scope: enclosingScope(binding.access) };
    default:
      return { binding, bodyExpressions: [], scope: undefined };
  }
}

/** `response.body` → `response.Body` (and `contentType`), including `{ body }` destructuring; returns the flow of the body. */
export function renameResponseFields(context: FixContext, response: ResponseBody): ResponseFlow | undefined {
  const { binding, scope } = response;
  if (!scope) return undefined;
  if (binding.kind === 'variable') {
    for (const id of referencesTo(scope, binding.name.text)) {
      const parent = id.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === id && RESPONSE_FIELDS[parent.name.getText()]) {
        context.replace(parent.name, RESPONSE_FIELDS[parent.name.getText()]);
      }
    }
    return new ResponseFlow(scope, [binding.name.text]);
  }
  if (binding.kind === 'destructured') {
    const names: string[] = [];
    for (const element of binding.pattern.elements) {
      const field = (element.propertyName ?? element.name).getText(context.sourceFile);
      const renamed = RESPONSE_FIELDS[field];
      if (!renamed) continue;
      context.replace(element.propertyName ?? element.name, element.propertyName ? renamed : `${renamed}: ${field}`);
      if (ts.isIdentifier(element.name)) names.push(element.name.text);
    }
    return new ResponseFlow(scope, names);
  }
  if (binding.kind === 'inline' && RESPONSE_FIELDS[binding.access.name.getText()]) {
    context.replace(binding.access.name, RESPONSE_FIELDS[binding.access.name.getText()]);
    return new ResponseFlow(scope, [], [binding.access]);
  }
  return undefined;
}

/** The flow of the response's values in its scope, as renameResponseFields will return it (no edits). */
export function responseFlowOf(response: ResponseBody): ResponseFlow | undefined {
  const { binding, scope } = response;
  if (!scope) return undefined;
  if (binding.kind === 'variable') return new ResponseFlow(scope, [binding.name.text]);
  if (binding.kind === 'destructured') {
    const names = binding.pattern.elements
      .filter((element) => RESPONSE_FIELDS[(element.propertyName ?? element.name).getText()] && ts.isIdentifier(element.name))
      .map((element) => (element.name as ts.Identifier).text);
    return new ResponseFlow(scope, names);
  }
  if (binding.kind === 'inline' && RESPONSE_FIELDS[binding.access.name.getText()]) return new ResponseFlow(scope, [], [binding.access]);
  return undefined;
}

const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

/**
 * Why the reads of the response cannot be followed from the call (so they would be left half-migrated), or
 * undefined: the response goes through `.then(...)`, is passed on, returned or stored elsewhere.
 */
export function unfollowedResponse(response: ResponseBody): string | undefined {
  const { binding } = response;
  if (binding.kind === 'escapes') return l10n.t('the response leaves this expression (returned or passed on), so its .body reads cannot be found');
  if (binding.kind === 'inline' && PROMISE_METHODS.has(binding.access.name.text)) {
    return l10n.t('the response is read through a .{0}(...) callback, which the tool cannot follow; await the call instead', binding.access.name.text);
  }
  if (binding.kind === 'variable') {
    const passed = referencesTo(binding.scope, binding.name.text)
      .filter((id) => id !== binding.name && !(ts.isPropertyAccessExpression(id.parent) && id.parent.expression === id))
      .filter((id) => !(ts.isBinaryExpression(id.parent) && id.parent.left === id && id.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken));
    if (passed.length > 0) return l10n.t("the response is used as a whole ('{0}'), so the reads of its fields elsewhere cannot be followed", passed[0].parent.getText());
  }
  return undefined;
}
