import * as l10n from '@vscode/l10n';
import type { FixContext } from '../context';
import type { PromptBodySpec } from './tgiSchemaBody';
import { translatePromptBody, untranslatablePromptBody } from './tgiSchemaBody';
import { containerAssumption } from './containerNote';
import type { BodyRequest, BodyRewrite, ReadRule } from './types';

/** Meta Llama `{prompt, max_gen_len, temperature, top_p}`; Bedrock's default max_gen_len is 512. */
export const LLAMA_BODY: PromptBodySpec = {
  provider: 'Meta Llama',
  parameters: { max_gen_len: 'max_new_tokens', temperature: 'temperature', top_p: 'top_p' },
  maxTokensField: 'max_gen_len',
  defaultMaxTokens: '512',
};

export function checkLlamaBody(request: BodyRequest): string | undefined {
  return untranslatablePromptBody(request.literal, LLAMA_BODY);
}

/**
 * Meta Llama `{prompt, max_gen_len, temperature, top_p}` → the TGI schema that LMI and TGI both accept:
 * `{inputs, parameters: {max_new_tokens, temperature, top_p}}` (+ `stream: true`), always with max_new_tokens.
 */
export function rewriteLlamaBody(context: FixContext, request: BodyRequest): BodyRewrite {
  translatePromptBody(context, request.literal!, LLAMA_BODY, request.stream);
  const todo = request.stream ? undefined : containerAssumption(request.container);
  return { reads: llamaReads(request), ...(todo ? { todo } : {}) };
}

export function llamaReads(request: Pick<BodyRequest, 'stream' | 'container'>): ReadRule[] {
  const noCounterpart = (field: string): ReadRule => ({
    field, kind: 'todo',
    note: l10n.t("Llama's '{0}' has no direct counterpart: add details: true to the parameters and read details.finish_reason or details.generated_tokens (finish reasons differ: eos_token, length, stop_sequence).", field),
  });
  const generation: ReadRule = request.stream
    ? { field: 'generation', kind: 'wrap', fn: 'streamedText' }
    : { field: 'generation', kind: 'rename', to: 'generated_text', index0: request.container === 'tgi' };
  return [generation, noCounterpart('stop_reason'), noCounterpart('generation_token_count'), noCounterpart('prompt_token_count')];
}
