import * as l10n from '../../l10n';
import ts from '../../typescript';
import { ruleMeta, withoutNonePrefix } from '../../rules';
import { classifyMeaning } from '../bedrockExports';
import { type ScriptDetector, rangeOf } from '../scriptContext';

/** `new BedrockRuntimeClient(...)`, `new BedrockRuntime(...)`, `new AWS.BedrockRuntime(...)` and the other Bedrock clients. */
export const detectClients: ScriptDetector = {
  name: 'clients',
  rules: ['bedrock/runtime-client', 'bedrock/control-plane', 'bedrock/agent', 'bedrock/data-automation'],
  kinds: [ts.SyntaxKind.NewExpression],
  detect(node, context) {
    const expression = (node as ts.NewExpression).expression;
    const client = classifyMeaning(context.bindings.meaningOf(expression));
    if (client?.what !== 'client') return;
    const region = context.settings.targetRegion;
    const runtime = client.service === 'runtime';
    const replacement = client.sdk === 'v2' ? 'AWS.SageMakerRuntime' : client.aggregated ? 'SageMakerRuntime' : 'SageMakerRuntimeClient';
    const alternative = runtime ? replacement : ruleMeta(client.rule).equivalent();
    context.report({
      ruleId: client.rule,
      range: rangeOf(expression, context.sourceFile),
      fixable: runtime,
      equivalent: alternative,
      message: runtime
        ? l10n.t("'{0}' calls Amazon Bedrock, which is not available in {1}. Use {2} with a SageMaker endpoint.", client.className, region, replacement)
        : l10n.t("'{0}' is a client for a Bedrock service that does not exist in {1}. Alternative: {2}.", client.className, region, withoutNonePrefix(alternative)),
      data: { className: client.className, service: client.service, sdk: client.sdk, aggregated: client.aggregated, replacement: runtime ? replacement : undefined },
    });
  },
};
