import type { FixTransform } from './transform';
import { checkTypeUses } from './transforms/checkTypeUses';
import { rewriteReExports } from './transforms/rewriteReExports';
import { rewriteClientRegion } from './transforms/rewriteClientRegion';
import { rewriteAiSdk } from './transforms/rewriteAiSdk';
import { rewriteClients } from './transforms/rewriteClients';
import { rewriteConverse } from './transforms/rewriteConverse';
import { rewriteInvokeModel } from './transforms/rewriteInvokeModel';
import { rewriteInvokeModelStream } from './transforms/rewriteInvokeModelStream';
import { rewriteLangChain } from './transforms/rewriteLangChain';
import { syncImports } from './transforms/syncImports';

/**
 * Every rewrite, in the order it runs; each pass re-analyses the text the previous one produced. Two order
 * dependencies: the call rewrites run before the client ones, because a call is only recognised while its
 * client is still a Bedrock client (an SDK v2 client is renamed in place); syncImports runs last, because it
 * imports the names the other rewrites wrote and drops the Bedrock names they left unused. checkTypeUses only
 * checks (it writes nothing), so its place does not matter. rewriteAiSdk runs after rewriteClientRegion, which
 * recognises the region of createAmazonBedrock(...) only while it is still the Bedrock factory.
 */
export const TRANSFORMS: readonly FixTransform[] = [
  checkTypeUses,
  rewriteConverse,
  rewriteInvokeModel,
  rewriteInvokeModelStream,
  rewriteLangChain,
  rewriteClientRegion,
  rewriteAiSdk,
  rewriteClients,
  rewriteReExports,
  syncImports,
];
