import * as l10n from '@vscode/l10n';
import type { FixContext } from '../context';
import { rewriteCompletionsBody } from './completionsBody';
import { rewriteLlamaBody } from './llamaBody';
import type { BodyRequest, BodyRewrite } from './types';

export type { BodyRequest, BodyRewrite, ReadRule } from './types';

/** Translates an InvokeModel request body for the model's family, or says exactly what is left to translate. */
export function rewriteBody(context: FixContext, request: BodyRequest): BodyRewrite {
  switch (request.family) {
    case 'llama':
      return rewriteLlamaBody(context, request);
    case 'deepseek':
    case 'mistral':
      return rewriteCompletionsBody(context, request);
    case 'anthropic':
      return {
        reads: [],
        todo: l10n.t('no open-weight Claude: deploy an open model and send a chat-completions body: {anthropic_version, system, messages, max_tokens, stop_sequences} → {messages: [{role: "system", content: system}, ...messages], max_tokens, stop: stop_sequences}; read choices[0].message.content instead of content[0].text and choices[0].finish_reason instead of stop_reason.'),
      };
    case undefined:
      return {
        reads: [],
        todo: l10n.t('the model is chosen at run time, so the body was not translated: send each model\'s container format ({inputs, parameters: {max_new_tokens}} on LMI/TGI, or an OpenAI completions/chat body) and adapt the response reads.'),
      };
    default:
      return {
        reads: [],
        todo: l10n.t("'{0}' has no open weights: deploy an open model and send its container format ({inputs, parameters: {max_new_tokens}} on LMI/TGI, or an OpenAI completions/chat body); the response fields change with it.", request.modelId ?? request.family),
      };
  }
}
