import * as l10n from '@vscode/l10n';
import type { FixContext } from '../fixContext';
import { rewriteCompletionsBody } from './completionsBody';
import { checkLlamaBody, llamaReads, rewriteLlamaBody } from './llamaBody';
import { checkMistralBody, mistralReads, rewriteMistralBody } from './mistralBody';
import type { BodyRequest, BodyRewrite, ReadRule } from './types';

export type { BodyRequest, BodyRewrite, FirstElementRead, ReadRule } from './types';

/**
 * Why the request body cannot be translated for its model family (the call is then not rewritten at all), or
 * undefined. Closed-weight families are refused before this (see invokeRequest).
 */
export function untranslatableBody(request: BodyRequest): string | undefined {
  switch (request.family) {
    case 'llama':
      return checkLlamaBody(request);
    case 'mistral':
      return checkMistralBody(request);
    case 'deepseek':
      return undefined;
    case undefined:
      return l10n.t('the model is chosen at run time and no model id is visible in the code, so the request body cannot be translated to the container format');
    default:
      return l10n.t("the tool does not translate '{0}' request bodies ({1}); rewrite this call by hand", request.modelId ?? request.family, request.family);
  }
}

/** Translates an InvokeModel request body for the model's family; call only when untranslatableBody is undefined. */
export function rewriteBody(context: FixContext, request: BodyRequest): BodyRewrite {
  switch (request.family) {
    case 'llama':
      return rewriteLlamaBody(context, request);
    case 'mistral':
      return rewriteMistralBody(context, request);
    default:
      return rewriteCompletionsBody(context, request);
  }
}

/** How reads of the response change for a body family (what rewriteBody will return), known before rewriting. */
export function readRulesFor(request: Pick<BodyRequest, 'family' | 'stream' | 'container' | 'quote'>): ReadRule[] {
  switch (request.family) {
    case 'llama':
      return llamaReads(request);
    case 'mistral':
      return mistralReads(request);
    case 'deepseek':
      return [{ field: 'stop_reason', kind: 'rename', to: 'finish_reason' }];
    default:
      return [];
  }
}
