import type { EmbeddedContext } from './embeddedContext';
import { type AwsCommand, parseAwsCommand, parseCliArguments } from './awsCommand';
import { bedrockServiceNamed } from './awsServiceNames';
import { adviseCli } from './cliServices';
import type { SimpleCommand } from './splitCommands';

// Flags of `aws bedrock-runtime invoke-model` that `invoke-endpoint` accepts under another name or as is.
const PORTABLE_INVOKE_MODEL_FLAGS = new Set([
  '--model-id', '--body', '--content-type', '--accept', '--cli-binary-format',
  '--region', '--profile', '--output', '--query', '--debug', '--no-cli-pager', '--color',
]);

/** `aws bedrock-runtime ...`, `aws bedrock ...`, `aws bedrock-agent(-runtime) ...`: returns true when reported. */
export function detectAwsCli(command: SimpleCommand, context: EmbeddedContext): boolean {
  const aws = parseAwsCommand(command);
  const service = aws && bedrockServiceNamed(aws.service.value);
  if (!aws || !service) return false;
  const operation = aws.operation?.value;
  const advice = adviseCli(aws.service.value, service, operation, context.settings.targetRegion);
  const fixable = service === 'runtime' && operation === 'invoke-model' && isPortableInvokeModel(aws);
  context.report({
    ruleId: 'bedrock/cli-command',
    range: { start: aws.aws.start, end: (aws.operation ?? aws.service).end },
    message: advice.message, category: advice.category, equivalent: advice.equivalent, fixable,
    data: { service: aws.service.value, operation, fix: fixable ? 'cli-invoke-model' : undefined },
  });
  return true;
}

/** A plain invoke-model with a model id and a body, and no Bedrock-only flag (guardrails, trace, latency tier). */
export function isPortableInvokeModel(aws: AwsCommand): boolean {
  const { options } = parseCliArguments(aws.args);
  if (!options.get('--model-id')?.value || !options.has('--body')) return false;
  return [...options.keys()].every((flag) => PORTABLE_INVOKE_MODEL_FLAGS.has(flag));
}
