import * as l10n from '@vscode/l10n';
import type { Node } from 'web-tree-sitter';
import type { FixProposal, TextEdit } from '../../../fixTypes';
import { isRewritableInvokeModel } from '../../../python/fixability';
import { keywordArguments, stringContentRange, stringValue } from '../../../python/syntax';
import type { EngineSettings, OffsetRange } from '../../../types';
import { endpointForModel, placeholderTodo } from '../endpointName';
import { commentAbove } from '../lineEdits';
import { appendArgument, renameKeyword } from './argumentEdits';
import { callWithCallee, quoteStyle, statementOf, withPythonTree } from './pythonTree';
import { servingRules } from '../../../servesRules';

/**
 * `client.invoke_model(modelId=..., body=..., contentType=..., accept=...)` →
 * `client.invoke_endpoint(EndpointName=..., Body=..., ContentType=..., Accept=...)`, and `result["body"]` →
 * `result["Body"]` in the same snippet. The request body is kept: the container decides its schema.
 */
export const pythonInvokeModelFix = servingRules(['bedrock/python-sdk'], function pythonInvokeModelFix(text: string, local: OffsetRange, settings: EngineSettings): FixProposal | undefined {
  return withPythonTree(text, (root) => {
    const call = callWithCallee(root, local);
    if (!call || !isRewritableInvokeModel(call)) return undefined;
    const q = quoteStyle(root, text);
    const keywords = keywordArguments(call);
    const modelId = keywords.get('modelId')!;
    const endpoint = endpointForModel(settings, stringValue(modelId.value));
    const method = call.childForFieldName('function')!.childForFieldName('attribute')!;
    const endpointArgs = [`EndpointName=${q}${endpoint.name}${q}`];
    if (endpoint.inferenceComponentName) endpointArgs.push(`InferenceComponentName=${q}${endpoint.inferenceComponentName}${q}`);
    const edits: Array<TextEdit | undefined> = [
      { range: { start: method.startIndex, end: method.endIndex }, newText: 'invoke_endpoint' },
      { range: { start: modelId.node.startIndex, end: modelId.node.endIndex }, newText: endpointArgs.join(', ') },
      renameKeyword(keywords.get('body')?.node, 'Body'),
      renameKeyword(keywords.get('contentType')?.node, 'ContentType'),
      renameKeyword(keywords.get('accept')?.node, 'Accept'),
      keywords.has('contentType') ? undefined : appendArgument(call, text, `ContentType=${q}application/json${q}`),
    ];
    const { statement, resultName } = statementOf(call);
    if (resultName) edits.push(...responseBodyEdits(root, resultName, statement.endIndex));
    if (endpoint.placeholder) {
      edits.push(commentAbove(text, statement.startIndex, [placeholderTodo(stringValue(modelId.value), modelId.value.text)]));
    }
    return {
      title: l10n.t('Call invoke_endpoint on a SageMaker endpoint'), kind: 'quickfix', isPreferred: true,
      edits: edits.filter((edit): edit is TextEdit => edit !== undefined).sort((a, b) => a.range.start - b.range.start),
    };
  });
});

/** `response["body"]` after the call → `response["Body"]` (SageMaker's response member is PascalCase). */
function responseBodyEdits(root: Node, resultName: string, after: number): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const subscript of root.descendantsOfType('subscript')) {
    if (!subscript || subscript.startIndex < after) continue;
    const value = subscript.childForFieldName('value');
    const key = subscript.childForFieldName('subscript');
    if (value?.type === 'identifier' && value.text === resultName && key?.type === 'string' && stringValue(key) === 'body') {
      edits.push({ range: stringContentRange(key), newText: 'Body' });
    }
  }
  return edits;
}
