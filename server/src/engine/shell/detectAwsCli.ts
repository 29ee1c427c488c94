import * as l10n from '@vscode/l10n';
import { closedWeightIds, closedWeightReason } from '../catalog/closedWeights';
import type { EmbeddedContext } from '../embeddedContext';
import { type AwsCommand, parseAwsCommand, parseCliArguments } from './awsCommand';
import { bedrockServiceNamed } from '../catalog/awsServiceNames';
import { adviseCli } from './cliServices';
import type { SimpleCommand } from './splitCommands';
import { servingRules } from '../servesRules';

// Flags of `aws bedrock-runtime invoke-model` that `invoke-endpoint` accepts under another name or as is.
const PORTABLE_INVOKE_MODEL_FLAGS = new Set([
  '--model-id', '--body', '--content-type', '--accept', '--cli-binary-format',
  '--region', '--profile', '--output', '--query', '--debug', '--no-cli-pager', '--color',
]);

/** `aws bedrock-runtime ...`, `aws bedrock ...`, `aws bedrock-agent(-runtime) ...`: returns true when reported. */
export const detectAwsCli = servingRules(['bedrock/cli-command'], function detectAwsCli(command: SimpleCommand, context: EmbeddedContext): boolean {
  const aws = parseAwsCommand(command);
  const service = aws && bedrockServiceNamed(aws.service.value);
  if (!aws || !service) return false;
  const operation = aws.operation?.value;
  const advice = adviseCli(aws.service.value, service, operation, context.settings.targetRegion);
  const portable = service === 'runtime' && operation === 'invoke-model' && isPortableInvokeModel(aws);
  // A closed-weight model has nothing to deploy on SageMaker: its call stays, and the finding says why.
  const closed = portable ? closedWeightIds([parseCliArguments(aws.args).options.get('--model-id')!.value!]) : [];
  const fixable = portable && closed.length === 0;
  const message = closed.length > 0 ? `${advice.message} ${l10n.t('Not fixed automatically: {0}.', closedWeightReason(closed))}` : advice.message;
  context.report({
    ruleId: 'bedrock/cli-command',
    range: { start: aws.aws.start, end: (aws.operation ?? aws.service).end },
    message, category: advice.category, equivalent: advice.equivalent, fixable,
    data: { service: aws.service.value, operation, fix: fixable ? 'cli-invoke-model' : undefined },
  });
  return true;
});

/** A plain invoke-model with a model id and a body, and no Bedrock-only flag (guardrails, trace, latency tier). */
export function isPortableInvokeModel(aws: AwsCommand): boolean {
  const { options } = parseCliArguments(aws.args);
  if (!options.get('--model-id')?.value || !options.has('--body')) return false;
  return [...options.keys()].every((flag) => PORTABLE_INVOKE_MODEL_FLAGS.has(flag));
}
