import * as l10n from '@vscode/l10n';
import type { FixContext } from '../context';
import { propertySeparator, staticProperties, valueOf } from '../support/requestObject';
import { lineIndentAt } from '../style';
import type { BodyRequest, BodyRewrite, ReadRule } from './types';

const LLAMA_FIELDS = new Set(['prompt', 'max_gen_len', 'temperature', 'top_p']);
/** Bedrock's default max_gen_len for Meta Llama; LMI's own default (30 new tokens) would truncate answers. */
const BEDROCK_DEFAULT_MAX_GEN_LEN = '512';

/**
 * Meta Llama `{prompt, max_gen_len, temperature, top_p}` → the TGI schema that LMI and TGI both accept:
 * `{inputs, parameters: {max_new_tokens, temperature, top_p}}` (+ `stream: true`), always with max_new_tokens.
 */
export function rewriteLlamaBody(context: FixContext, request: BodyRequest): BodyRewrite {
  const reads = llamaReads(request);
  const literal = request.literal;
  const properties = literal && staticProperties(literal);
  if (!literal || !properties || !properties.has('prompt') || [...properties.keys()].some((name) => !LLAMA_FIELDS.has(name))) {
    return {
      reads,
      todo: l10n.t('translate the Meta Llama request body: {prompt, max_gen_len, temperature, top_p} → {inputs: prompt, parameters: {max_new_tokens: max_gen_len (always set it: LMI defaults to 30), temperature, top_p}}{0}.', request.stream ? l10n.t(' plus "stream": true') : ''),
    };
  }
  const text = (name: string) => {
    const property = properties.get(name);
    return property && valueOf(property)!.getText(context.sourceFile);
  };
  const parameters = [`max_new_tokens: ${text('max_gen_len') ?? BEDROCK_DEFAULT_MAX_GEN_LEN}`];
  const temperature = text('temperature');
  // Greedy decoding is the default; TGI rejects an explicit temperature of 0.
  if (temperature !== undefined && Number(temperature) !== 0) parameters.push(`temperature: ${temperature}`);
  if (text('top_p') !== undefined) parameters.push(`top_p: ${text('top_p')}`);
  // LMI 0.31 and older ignore sampling settings unless do_sample is on.
  if (temperature !== undefined && Number(temperature) > 0) parameters.push('do_sample: true');
  const fields = [`inputs: ${text('prompt')}`, `parameters: { ${parameters.join(', ')} }`];
  if (request.stream) fields.push('stream: true');
  const separator = propertySeparator(context, literal);
  if (separator.includes('\n')) {
    const closingIndent = lineIndentAt(context.text, literal.getEnd() - 1);
    const trailing = literal.properties.hasTrailingComma ? ',' : '';
    context.replace(literal, `{${separator.slice(1)}${fields.join(separator)}${trailing}${context.style.eol}${closingIndent}}`);
  } else {
    context.replace(literal, `{ ${fields.join(', ')} }`);
  }
  return { reads };
}

function llamaReads(request: BodyRequest): ReadRule[] {
  const noCounterpart = (field: string): ReadRule => ({
    field, kind: 'todo',
    note: l10n.t("Llama's '{0}' has no direct counterpart: add details: true to the parameters and read details.finish_reason or details.generated_tokens (finish reasons differ: eos_token, length, stop_sequence).", field),
  });
  const generation: ReadRule = request.stream
    ? { field: 'generation', kind: 'wrap', fn: 'streamedText' }
    : { field: 'generation', kind: 'rename', to: 'generated_text', index0: request.container === 'tgi' };
  return [generation, noCounterpart('stop_reason'), noCounterpart('generation_token_count'), noCounterpart('prompt_token_count')];
}
