import type { FixTransform } from './transform';
import { rewriteClientRegion } from './transforms/rewriteClientRegion';
import { rewriteClients } from './transforms/rewriteClients';
import { rewriteConverse } from './transforms/rewriteConverse';
import { rewriteInvokeModel } from './transforms/rewriteInvokeModel';
import { rewriteInvokeModelStream } from './transforms/rewriteInvokeModelStream';
import { syncImports } from './transforms/syncImports';

/**
 * Every rewrite, in the order it runs; each pass sees the text the previous one produced. One order
 * dependency: syncImports runs last, because it imports the names the other rewrites wrote (the adapter
 * functions, the lookup helper) and drops the Bedrock names they left unused.
 */
export const TRANSFORMS: readonly FixTransform[] = [
  rewriteClientRegion,
  rewriteClients,
  rewriteConverse,
  rewriteInvokeModel,
  rewriteInvokeModelStream,
  syncImports,
];
