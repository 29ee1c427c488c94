import * as l10n from '@vscode/l10n';
import type { FixProposal, TextEdit } from '../../fixTypes';
import { type AwsCommand, parseAwsCommand, parseCliArguments } from '../../shell/awsCommand';
import { isPortableInvokeModel } from '../../shell/detectAwsCli';
import { maskPromptsAndOutput } from '../../shell/prompts';
import { shellCommands } from '../../shell/shellCommands';
import type { ShellDialect } from '../../shell/tokenizeShell';
import type { EngineSettings, OffsetRange } from '../../types';
import { endpointForModel, placeholderTodo } from './endpointName';
import { commentAbove, lineStartOf } from './lineEdits';
import { servingRules } from '../../servesRules';

/**
 * `aws bedrock-runtime invoke-model --model-id X --body B out.json` → `aws sagemaker-runtime invoke-endpoint
 * --endpoint-name E --content-type application/json --body B --cli-binary-format raw-in-base64-out out.json`:
 * words are replaced or inserted in place, so quoting and line continuations stay as written. The flag is added
 * only for a raw JSON body; a body that may already be base64 keeps its meaning.
 */
export const cliInvokeModelFix = servingRules(['bedrock/cli-command'], function cliInvokeModelFix(text: string, local: OffsetRange, dialect: ShellDialect, transcript: boolean, settings: EngineSettings): FixProposal | undefined {
  const runnable = maskPromptsAndOutput(text, transcript, dialect);
  const aws = shellCommands(runnable, dialect).commands.map(parseAwsCommand).find((command) => command?.aws.start === local.start);
  if (!aws?.operation || !isPortableInvokeModel(aws)) return undefined;
  const { options, positional } = parseCliArguments(aws.args);
  const modelId = options.get('--model-id')!;
  const endpoint = endpointForModel(settings, modelId.value);
  const edits: TextEdit[] = [
    { range: { start: aws.service.start, end: aws.service.end }, newText: 'sagemaker-runtime' },
    { range: { start: aws.operation.start, end: aws.operation.end }, newText: 'invoke-endpoint' },
  ];
  let endpointFlags = '';
  if (endpoint.inferenceComponentName) endpointFlags += ` --inference-component-name ${endpoint.inferenceComponentName}`;
  if (!options.has('--content-type')) endpointFlags += ' --content-type application/json';
  if (modelId.valueWord) {
    edits.push({ range: { start: modelId.flag.start, end: modelId.flag.end }, newText: '--endpoint-name' });
    edits.push({ range: { start: modelId.valueWord.start, end: modelId.valueWord.end }, newText: endpoint.name + endpointFlags });
  } else {
    edits.push({ range: { start: modelId.flag.start, end: modelId.flag.end }, newText: `--endpoint-name=${endpoint.name}${endpointFlags}` });
  }
  const body = options.get('--body')!;
  if (!options.has('--cli-binary-format') && isRawJsonBody(body.value)) {
    const after = (body.valueWord ?? body.flag).end;
    edits.push({ range: { start: after, end: after }, newText: ' --cli-binary-format raw-in-base64-out' });
  }
  if (positional.length === 0) {
    const end = lastWordEnd(aws);
    edits.push({ range: { start: end, end }, newText: ' response.json' });
  }
  if (endpoint.placeholder) {
    const lineStart = lineStartOf(text, aws.aws.start);
    const prefix = /^[ \t]*(?:\$ |% |PS[^>\n]*> )?/.exec(text.slice(lineStart, aws.aws.start))![0];
    edits.push(commentAbove(text, aws.aws.start, [placeholderTodo(modelId.value, modelId.value!)], prefix));
  }
  return {
    title: l10n.t('Use aws sagemaker-runtime invoke-endpoint'), kind: 'quickfix', isPreferred: true,
    edits: edits.sort((a, b) => a.range.start - b.range.start),
  };
});

/**
 * A body the CLI must be told is raw JSON: a literal JSON text (`'{...}'`) or `file://` (raw file contents).
 * `fileb://`, variables and substitutions (`"$BODY64"`, `$(base64 ...)`) may already hold base64, which CLI v2
 * reads by default: they are left as they are, as the Bedrock command had them.
 */
function isRawJsonBody(value: string | undefined): boolean {
  if (value === undefined) return false;
  return /^\s*[{[]/.test(value) || value.startsWith('file://');
}

function lastWordEnd(aws: AwsCommand): number {
  return (aws.args[aws.args.length - 1] ?? aws.operation ?? aws.service).end;
}
