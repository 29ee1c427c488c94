import type { FixTransform } from '../transform';
export const rewriteInvokeModelStream: FixTransform = { name: 'rewrite-invoke-model-stream', rules: ['bedrock/invoke-model-stream'], apply() {} };
