import * as l10n from '../l10n';
import type { EmbeddedContext } from '../embeddedContext';
import type { OffsetRange } from '../types';
import { describeModelId } from './modelIdMessage';
import { BEDROCK_API_KEY_ENV, displayTemplate, findArns, findHosts, findIamActions, findModelIds, valueMayHaveMatches } from './modelIds';
import { servingRules } from '../servesRules';

/** Reports everything Bedrock in one string value whose first character sits at `offset` in the document. */
export const scanValue = servingRules(['bedrock/arn', 'bedrock/endpoint-host', 'bedrock/iam-action', 'bedrock/model-id', 'bedrock/api-key'], function scanValue(value: string, offset: number, context: EmbeddedContext,
  options: { apiKeyName?: boolean } = {}): void {
  if (!valueMayHaveMatches(value)) return;
  const taken: OffsetRange[] = [];
  const at = (index: number, length: number) => ({ start: offset + index, end: offset + index + length });
  const overlapsTaken = (range: OffsetRange) => taken.some((t) => range.start < t.end && t.start < range.end);
  const region = context.settings.targetRegion;
  // Earlier kinds take their text: a host inside an ARN is reported once, as the ARN.
  const kinds = [
    {
      find: findArns, ruleId: 'bedrock/arn',
      report: (text: string) => ({
        message: l10n.t("Bedrock ARN '{0}' names a resource that cannot exist in {1} (partition aws-cn has no Bedrock). Use your SageMaker endpoint's ARN (arn:aws-cn:sagemaker:...).", displayTemplate(text), region),
        data: { arn: displayTemplate(text) },
      }),
    },
    {
      find: findHosts, ruleId: 'bedrock/endpoint-host',
      report: (text: string) => ({
        message: l10n.t("Bedrock endpoint host '{0}' does not exist in {1}. SageMaker Runtime's host is runtime.sagemaker.{1}.amazonaws.com.cn (the SDK resolves it from the region).", displayTemplate(text), region),
        data: { host: displayTemplate(text) },
      }),
    },
    {
      find: findIamActions, ruleId: 'bedrock/iam-action',
      report: (text: string) => ({
        message: l10n.t("IAM action '{0}' grants access to Bedrock, which does not exist in {1}. Grant sagemaker:InvokeEndpoint on the endpoint instead.", displayTemplate(text), region),
        data: { action: text },
      }),
    },
  ] as const;
  for (const kind of kinds) {
    for (const match of kind.find(value)) {
      const range = at(match.index, match.length);
      if (overlapsTaken(range)) continue;
      taken.push(range);
      context.report({ ruleId: kind.ruleId, range, ...kind.report(match.text) });
    }
  }
  for (const match of findModelIds(value)) {
    const range = at(match.index, match.length);
    if (overlapsTaken(range)) continue;
    const described = describeModelId(match.info, context.settings);
    context.report({ ruleId: 'bedrock/model-id', range, ...described });
  }
  if (options.apiKeyName === false) return;
  let index = value.indexOf(BEDROCK_API_KEY_ENV);
  while (index >= 0) {
    context.report({
      ruleId: 'bedrock/api-key', range: at(index, BEDROCK_API_KEY_ENV.length),
      message: l10n.t('Bedrock API keys ({0}) do not exist in {1}; SageMaker Runtime accepts only IAM SigV4 credentials from the China account.', BEDROCK_API_KEY_ENV, region),
      data: { name: BEDROCK_API_KEY_ENV },
    });
    index = value.indexOf(BEDROCK_API_KEY_ENV, index + 1);
  }
});
