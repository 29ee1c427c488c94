// Which names the rewrites move where. Facts from the installed .d.ts files of
// @aws-sdk/client-bedrock-runtime and @aws-sdk/client-sagemaker-runtime.

export const BEDROCK_RUNTIME_PACKAGE = '@aws-sdk/client-bedrock-runtime';
export const SAGEMAKER_RUNTIME_PACKAGE = '@aws-sdk/client-sagemaker-runtime';

/** Bedrock Runtime export → the SageMaker Runtime export that replaces it. */
export const SAGEMAKER_RENAMES: Readonly<Record<string, string>> = {
  BedrockRuntimeClient: 'SageMakerRuntimeClient',
  BedrockRuntime: 'SageMakerRuntime',
  BedrockRuntimeClientConfig: 'SageMakerRuntimeClientConfig',
  BedrockRuntimeClientResolvedConfig: 'SageMakerRuntimeClientResolvedConfig',
  BedrockRuntimeServiceException: 'SageMakerRuntimeServiceException',
  InvokeModelCommand: 'InvokeEndpointCommand',
  InvokeModelCommandInput: 'InvokeEndpointCommandInput',
  InvokeModelCommandOutput: 'InvokeEndpointCommandOutput',
  InvokeModelWithResponseStreamCommand: 'InvokeEndpointWithResponseStreamCommand',
  InvokeModelWithResponseStreamCommandInput: 'InvokeEndpointWithResponseStreamCommandInput',
  InvokeModelWithResponseStreamCommandOutput: 'InvokeEndpointWithResponseStreamCommandOutput',
  ResponseStream: 'ResponseStream',
  PayloadPart: 'PayloadPart',
  ModelStreamErrorException: 'ModelStreamError',
  InternalServerException: 'InternalFailure',
  ServiceUnavailableException: 'ServiceUnavailable',
  ValidationException: 'ValidationError',
  ModelErrorException: 'ModelError',
  ModelNotReadyException: 'ModelNotReadyException',
};

/** SageMaker Runtime exports that are types only (imported with `type` next to values). */
export const SAGEMAKER_TYPE_EXPORTS = new Set([
  'SageMakerRuntimeClientConfig', 'SageMakerRuntimeClientResolvedConfig', 'InvokeEndpointCommandInput',
  'InvokeEndpointCommandOutput', 'InvokeEndpointWithResponseStreamCommandInput', 'InvokeEndpointWithResponseStreamCommandOutput',
  'ResponseStream', 'PayloadPart',
]);

/** Converse names the adapter module exports with Bedrock's names and shapes: they follow the adapter. */
export const ADAPTER_BEDROCK_NAMES = new Set([
  'ConversationRole', 'StopReason', 'Message', 'ContentBlock', 'SystemContentBlock', 'InferenceConfiguration',
  'ToolConfiguration', 'Tool', 'ToolSpecification', 'ToolChoice', 'ToolUseBlock', 'ToolResultBlock', 'ToolResultContentBlock',
  'ImageBlock', 'ReasoningContentBlock', 'ReasoningTextBlock', 'TokenUsage', 'ConverseMetrics', 'ConverseCommandInput',
  'ConverseCommandOutput', 'ConverseStreamCommandInput', 'ConverseStreamCommandOutput', 'ConverseStreamOutput',
  'ContentBlockDelta', 'ContentBlockStart',
]);

/** Names only the rewrites write (never Bedrock's): imported from the adapter when code uses them. */
export const ADAPTER_OWN_NAMES = new Set([
  'converseOnSageMaker', 'converseStreamOnSageMaker', 'payloadLines', 'payloadJson', 'streamedText', 'sageMakerEndpointFor',
  'SageMakerEndpointTable', 'SageMakerTarget',
]);

/** Adapter exports that are types only. */
export const ADAPTER_TYPE_EXPORTS = new Set([
  ...[...ADAPTER_BEDROCK_NAMES].filter((name) => name !== 'ConversationRole' && name !== 'StopReason'),
  'SageMakerEndpointTable', 'SageMakerTarget',
]);

/** Adapter names the rewrites may write on their own (imported when used and not declared). */
export const ADAPTER_WRITTEN_NAMES = new Set([...ADAPTER_OWN_NAMES, 'ConverseCommandInput', 'ConverseStreamCommandInput']);
