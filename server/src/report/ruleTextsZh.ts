// Chinese rule titles and equivalents for the report. The engine's zh-cn bundle may not translate every
// message yet; the report must still be fully Chinese, so it carries its own texts for what it prints per rule.
import type { RuleId } from '../engine/types';

export const ZH_RULE_TITLES: Readonly<Record<RuleId, string>> = {
  'bedrock/import': '导入 Amazon Bedrock 软件包',
  'bedrock/runtime-client': '创建 Bedrock Runtime 客户端',
  'bedrock/client-region': '为 Bedrock 客户端指定的区域',
  'bedrock/invoke-model': 'Bedrock InvokeModel 调用',
  'bedrock/invoke-model-stream': 'Bedrock InvokeModelWithResponseStream 调用',
  'bedrock/converse': 'Bedrock Converse 调用',
  'bedrock/converse-stream': 'Bedrock ConverseStream 调用',
  'bedrock/guardrail': 'Bedrock Guardrails（防护栏）',
  'bedrock/count-tokens': 'Bedrock CountTokens 调用',
  'bedrock/async-invoke': 'Bedrock 异步调用',
  'bedrock/bidirectional-stream': 'Bedrock 双向流',
  'bedrock/agent': 'Bedrock Agents、Flows 或 AgentCore',
  'bedrock/knowledge-base': 'Bedrock 知识库（Knowledge Bases）',
  'bedrock/control-plane': 'Bedrock 控制面 API',
  'bedrock/data-automation': 'Bedrock Data Automation',
  'bedrock/langchain': 'LangChain 的 Bedrock 集成',
  'bedrock/ai-sdk': 'Vercel AI SDK 的 Bedrock 提供程序',
  'bedrock/llamaindex': 'LlamaIndex 的 Bedrock 集成',
  'bedrock/openai-compatible': '指向 Bedrock 端点的 OpenAI 客户端',
  'bedrock/model-id': 'Bedrock 模型 ID',
  'bedrock/arn': 'Bedrock ARN',
  'bedrock/endpoint-host': 'Bedrock 服务端点主机名',
  'bedrock/iam-action': 'Bedrock IAM 操作',
  'bedrock/api-key': 'Bedrock API 密钥',
  'bedrock/dependency': 'package.json 依赖中的 Amazon Bedrock 软件包',
  'bedrock/cli-command': '调用 Bedrock 服务的 AWS CLI 命令',
  'bedrock/python-sdk': 'Python（boto3 / LangChain）中的 Bedrock 用法',
  'bedrock/prose-service': '文档依赖 Bedrock 服务',
  'assessment/front-matter': '无法读取 Front Matter',
  'assessment/target-region': '评估报告的目标区域',
  'assessment/feasibility': '评估报告的可行性等级',
  'assessment/service-count': '评估报告的服务数量',
  'assessment/date': '评估报告的日期',
};

const NOT_APPLICABLE = '不适用';

/** What to use instead, per rule. For rules without an equivalent: the alternative (the table says "无等效服务"). */
export const ZH_RULE_EQUIVALENTS: Readonly<Record<RuleId, string>> = {
  'bedrock/import': '@aws-sdk/client-sagemaker-runtime',
  'bedrock/runtime-client': 'SageMakerRuntimeClient',
  'bedrock/client-region': '目标中国区域',
  'bedrock/invoke-model': 'InvokeEndpoint',
  'bedrock/invoke-model-stream': 'InvokeEndpointWithResponseStream',
  'bedrock/converse': '使用 chat-completions 请求体调用 InvokeEndpoint',
  'bedrock/converse-stream': '使用 chat-completions 请求体调用 InvokeEndpointWithResponseStream',
  'bedrock/guardrail': '在独立端点上自托管防护模型（SageMaker JumpStart 中的 Llama Guard）',
  'bedrock/count-tokens': '使用所部署模型的本地分词器，或读取响应中的 usage.prompt_tokens',
  'bedrock/async-invoke': '在配置了 AsyncInferenceConfig 的端点上调用 InvokeEndpointAsync（语义不同）',
  'bedrock/bidirectional-stream': '没有语音到语音的等效服务，需改用独立的 ASR/TTS 端点重新设计',
  'bedrock/agent': '在应用侧编排，通过工具调用访问 SageMaker 端点',
  'bedrock/knowledge-base': '自建 RAG：OpenSearch + 向量嵌入端点 + 对话端点',
  'bedrock/control-plane': '使用 SageMaker 控制面（@aws-sdk/client-sagemaker）管理端点、批量转换和模型',
  'bedrock/data-automation': '用 SageMaker 端点上托管的模型构建文档处理流水线',
  'bedrock/langchain': '@langchain/community/llms/sagemaker_endpoint 中的 SageMakerEndpoint（文本输入、文本输出）',
  'bedrock/ai-sdk': '没有官方 SageMaker 提供程序，通过 Converse 适配器调用端点',
  'bedrock/llamaindex': 'LlamaIndex.TS 没有 SageMaker 类，通过 Converse 适配器调用端点',
  'bedrock/openai-compatible': '使用相同的 chat-completions 请求体调用 InvokeEndpoint（SigV4 签名，而不是 API 密钥）',
  'bedrock/model-id': 'SageMaker 端点名称（在 bedrockToSagemaker.endpoints 中配置）',
  'bedrock/arn': 'aws-cn 分区中的 SageMaker 端点 ARN',
  'bedrock/endpoint-host': 'runtime.sagemaker.<region>.amazonaws.com.cn',
  'bedrock/iam-action': 'sagemaker:InvokeEndpoint',
  'bedrock/api-key': '使用中国区账号的 IAM SigV4 凭证',
  'bedrock/dependency': '@aws-sdk/client-sagemaker-runtime',
  'bedrock/cli-command': 'aws sagemaker-runtime invoke-endpoint',
  'bedrock/python-sdk': 'boto3.client("sagemaker-runtime").invoke_endpoint',
  'bedrock/prose-service': 'SageMaker JumpStart / SageMaker Runtime 端点',
  'assessment/front-matter': NOT_APPLICABLE,
  'assessment/target-region': NOT_APPLICABLE,
  'assessment/feasibility': NOT_APPLICABLE,
  'assessment/service-count': NOT_APPLICABLE,
  'assessment/date': NOT_APPLICABLE,
};

/** Where a rule's "no equivalent" variant needs a different text than the rule's usual equivalent. */
export const ZH_NO_EQUIVALENT_VARIANTS: Readonly<Partial<Record<RuleId, string>>> = {
  'bedrock/model-id': '改用部署在 SageMaker 端点上的开源模型（如 Qwen、Llama、DeepSeek）',
  'bedrock/langchain': '没有 SageMaker 等效类，改用 SageMaker 端点上的向量嵌入模型',
};
