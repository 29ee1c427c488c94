import * as l10n from '@vscode/l10n';
import type { Node } from 'web-tree-sitter';
import type { FixProposal, TextEdit } from '../../../fixTypes';
import { isRewritableConverse } from '../../../python/fixability';
import { children, keywordArguments, stringValue } from '../../../python/syntax';
import type { EngineSettings, OffsetRange } from '../../../types';
import { endpointForModel, placeholderTodo } from '../endpointName';
import { commentAbove, indentationAt } from '../lineEdits';
import { chatBodySource } from './chatBody';
import { callWithCallee, quoteStyle, statementOf, withPythonTree } from './pythonTree';
import { servingRules } from '../../../servesRules';

/**
 * `client.converse(modelId=, messages=, system=, inferenceConfig=)` → `client.invoke_endpoint(EndpointName=,
 * ContentType="application/json", Body=json.dumps({chat-completions body}))`, with a comment on the
 * response shape, and `import json` when the snippet lacks it.
 */
export const pythonConverseFix = servingRules(['bedrock/python-sdk'], function pythonConverseFix(text: string, local: OffsetRange, settings: EngineSettings): FixProposal | undefined {
  return withPythonTree(text, (root) => {
    const call = callWithCallee(root, local);
    if (!call || !isRewritableConverse(call)) return undefined;
    const q = quoteStyle(root, text);
    const keywords = keywordArguments(call);
    const modelId = keywords.get('modelId')!.value;
    const endpoint = endpointForModel(settings, stringValue(modelId));
    const args = [`EndpointName=${q}${endpoint.name}${q}`];
    if (endpoint.inferenceComponentName) args.push(`InferenceComponentName=${q}${endpoint.inferenceComponentName}${q}`);
    args.push(`ContentType=${q}application/json${q}`, `Body=json.dumps(${chatBodySource(keywords, q)})`);
    const method = call.childForFieldName('function')!.childForFieldName('attribute')!;
    const { statement, resultName } = statementOf(call);
    const result = resultName ?? 'response';
    const notes = [
      l10n.t('SageMaker returns chat-completions JSON: json.loads({0}[{1}Body{1}].read())[{1}choices{1}][0][{1}message{1}][{1}content{1}]', result, q),
      l10n.t('(Converse returned {0}[{1}output{1}][{1}message{1}][{1}content{1}][0][{1}text{1}]).', result, q),
    ];
    if (endpoint.placeholder) notes.unshift(placeholderTodo(stringValue(modelId), modelId.text));
    const edits: TextEdit[] = [
      ...importJson(root),
      commentAbove(text, statement.startIndex, notes),
      { range: { start: method.startIndex, end: method.endIndex }, newText: 'invoke_endpoint' },
      replaceArguments(call, text, args),
    ];
    return {
      title: l10n.t('Call invoke_endpoint with a chat-completions body'), kind: 'quickfix', isPreferred: true,
      edits: edits.sort((a, b) => a.range.start - b.range.start),
    };
  });
});

/** Replaces the arguments between the first and the last, keeping the layout: one line, or one argument per line. */
function replaceArguments(call: Node, text: string, args: readonly string[]): TextEdit {
  const list = call.childForFieldName('arguments')!;
  const existing = children(list).filter((child) => child.type !== 'comment');
  const first = existing[0];
  const last = existing[existing.length - 1];
  const onePerLine = first.startPosition.row > list.startPosition.row;
  const separator = onePerLine ? `,\n${indentationAt(text, first.startIndex)}` : ', ';
  return { range: { start: first.startIndex, end: last.endIndex }, newText: args.join(separator) };
}

function importJson(root: Node): TextEdit[] {
  const imports = children(root).filter((node) => node.type === 'import_statement' || node.type === 'import_from_statement');
  const hasJson = imports.some((node) => node.type === 'import_statement'
    && node.childrenForFieldName('name').some((name) => name?.text === 'json'));
  if (hasJson) return [];
  // Module-level statements start their line, so the new import goes on its own line before the first one
  // (`from __future__` imports are a separate node type and stay first).
  const at = imports[0]?.startIndex ?? 0;
  return [{ range: { start: at, end: at }, newText: 'import json\n' }];
}
