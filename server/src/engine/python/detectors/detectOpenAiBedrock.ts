import * as l10n from '@vscode/l10n';
import { findHosts } from '../../catalog/modelIds';
import type { PythonDetector } from '../pythonContext';
import { dottedName, keywordArguments, stringValue } from '../syntax';

const OPENAI_CLASSES = new Set(['OpenAI', 'AsyncOpenAI']);

/** `OpenAI(base_url="https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1")`: the OpenAI SDK talking to Bedrock. */
export const detectOpenAiBedrock: PythonDetector = {
  name: 'openai-bedrock',
  rules: ['bedrock/python-sdk'],
  types: ['call'],
  detect(call, context) {
    const callee = dottedName(call.childForFieldName('function'));
    const className = callee?.split('.').pop();
    if (!className || !OPENAI_CLASSES.has(className)) return;
    const baseUrl = keywordArguments(call).get('base_url')?.value;
    const value = stringValue(baseUrl);
    if (!baseUrl || value === undefined || findHosts(value).length === 0) return;
    context.claimed.add(baseUrl.startIndex);
    context.report({
      ruleId: 'bedrock/python-sdk',
      range: { start: baseUrl.startIndex, end: baseUrl.endIndex },
      category: 'manual', equivalent: 'boto3.client("sagemaker-runtime").invoke_endpoint',
      message: l10n.t("This OpenAI client calls Bedrock's OpenAI-compatible endpoint, which does not exist in {0}. Send the same chat-completions body to your SageMaker endpoint with invoke_endpoint (SigV4 credentials, no API key).", context.settings.targetRegion),
      data: { kind: 'openai', baseUrl: value },
    });
  },
};
