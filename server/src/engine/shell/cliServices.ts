import * as l10n from '@vscode/l10n';
import type { BedrockService } from '../catalog/packages';
import { ruleForOperation, sageMakerOperationFor } from '../catalog/operations';
import { ruleMeta, withoutNonePrefix } from '../rules';
import type { Category } from '../types';

/** `invoke-model` → `InvokeModel`. */
export function operationOfCli(name: string): string {
  return name.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

/** Operations that only exist as SDK calls, on Bedrock and on SageMaker alike. */
const STREAMING = new Set(['InvokeModelWithResponseStream', 'ConverseStream']);

export interface CliAdvice {
  message: string;
  category: Category;
  equivalent: string;
}

/** What to tell the user about `aws <service> <operation>` in the target region. */
export function adviseCli(serviceName: string, service: BedrockService, operationName: string | undefined, region: string): CliAdvice {
  const command = operationName ? `aws ${serviceName} ${operationName}` : `aws ${serviceName}`;
  const operation = operationName ? operationOfCli(operationName) : undefined;
  const rule = operation ? ruleForOperation(service, operation) : undefined;
  if (service === 'runtime' && operation && STREAMING.has(operation)) {
    return {
      category: 'manual', equivalent: 'invoke_endpoint_with_response_stream (SDK)',
      message: l10n.t("'{0}' cannot run in {1}: Bedrock does not exist there. The AWS CLI cannot call SageMaker's streaming operation either; use 'aws sagemaker-runtime invoke-endpoint' or an SDK's invoke_endpoint_with_response_stream.", command, region),
    };
  }
  const sageMaker = service === 'runtime' && operation ? sageMakerOperationFor(operation) : undefined;
  if (sageMaker === 'InvokeEndpoint') {
    const body = operation === 'Converse' ? ' ' + l10n.t('with a chat-completions body ({"messages": [...]})') : '';
    return {
      category: 'has-equivalent', equivalent: 'aws sagemaker-runtime invoke-endpoint',
      message: l10n.t("'{0}' cannot run in {1}: Bedrock does not exist there. Use 'aws sagemaker-runtime invoke-endpoint --endpoint-name <endpoint>'{2} against a SageMaker endpoint.", command, region, body),
    };
  }
  const meta = ruleMeta(rule ?? (service === 'runtime' ? 'bedrock/invoke-model' : 'bedrock/control-plane'));
  const alternative = service === 'control' && rule === 'bedrock/control-plane'
    ? l10n.t("the SageMaker control plane: 'aws sagemaker' for endpoints and models, 'aws sagemaker list-hub-contents' for JumpStart models")
    : rule ? withoutNonePrefix(meta.equivalent()) : l10n.t('a SageMaker endpoint (aws sagemaker / aws sagemaker-runtime)');
  return {
    category: rule ? meta.category : 'manual', equivalent: alternative,
    message: l10n.t("'{0}' cannot run in {1}: Bedrock does not exist there. Alternative: {2}.", command, region, alternative),
  };
}
