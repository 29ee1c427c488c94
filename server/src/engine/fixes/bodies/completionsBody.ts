import * as l10n from '@vscode/l10n';
import type { FixContext } from '../fixContext';
import { propertySeparator, staticProperties } from '../support/requestObject';
import type { BodyRequest, BodyRewrite, ReadRule } from './types';

/**
 * DeepSeek-R1 `{prompt, max_tokens, temperature, top_p, stop}` is already an OpenAI completions request, which
 * LMI (vLLM) and TGI route by its `prompt` key: the body stays (plus `stream: true`), and `stop_reason` reads
 * move to the completions response's `finish_reason` (vLLM's own `stop_reason` is the matched stop string).
 */
export function rewriteCompletionsBody(context: FixContext, request: BodyRequest): BodyRewrite {
  const reads: ReadRule[] = [{ field: 'stop_reason', kind: 'rename', to: 'finish_reason' }];
  const todos: string[] = [];
  const properties = request.literal && staticProperties(request.literal);
  if (!request.literal || !properties) {
    todos.push(l10n.t('the body is an OpenAI completions request already; check it has max_tokens{0}.', request.stream ? l10n.t(' and "stream": true') : ''));
  } else {
    if (!properties.has('max_tokens')) todos.push(l10n.t('set max_tokens in the body: the container default is far shorter than Bedrock\'s.'));
    if (request.stream && !properties.has('stream')) {
      const last = request.literal.properties[request.literal.properties.length - 1];
      if (last) context.insert(last.getEnd(), `${propertySeparator(context, request.literal)}stream: true`);
      else context.replace(request.literal, '{ stream: true }');
    }
  }
  return { reads, ...(todos.length > 0 ? { todo: todos.join(' ') } : {}) };
}
