import type { FixTransform } from '../transform';
export const rewriteInvokeModel: FixTransform = { name: 'rewrite-invoke-model', rules: ['bedrock/invoke-model'], apply() {} };
