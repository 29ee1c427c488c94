import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import type { Finding } from '../../types';
import type { FixContext } from '../fixContext';
import { type InvokePlan, planInvokeRequest, rewriteInvokeRequest } from '../support/invokeRequest';
import { operationCallOf } from '../support/operationCall';
import { renameResponseFields, responseBodyOf, unfollowedResponse } from '../support/responseBody';
import { ResponseFlow, rewriteReads, unrewritableRead } from '../support/responseFlow';
import { type StreamLoop, isHarmlessBodyUse, renameEventReads, streamLoopOf, unmappedEventReads } from '../support/streamLoop';
import { OK, type FixTransform, refuse } from '../transform';

/**
 * `InvokeModelWithResponseStreamCommand` → `InvokeEndpointWithResponseStreamCommand` with `stream: true` in the
 * body, and the `for await` loop over `response.body` reading `payloadLines(response.Body)`: the adapter's
 * line-buffering parser turns arbitrary PayloadPart slices (LMI JSON lines, TGI `data:` events) into one
 * `PayloadPart.Bytes` per complete JSON document, as Bedrock's `chunk.bytes` were.
 */
export const rewriteInvokeModelStream: FixTransform = {
  name: 'rewrite-invoke-model-stream',
  rules: ['bedrock/invoke-model-stream'],
  check(context, finding) {
    const plan = planFor(context, finding);
    return typeof plan === 'string' ? refuse(plan) : OK;
  },
  apply(context, findings) {
    for (const finding of findings) {
      const plan = planFor(context, finding);
      const call = operationCallOf(context, finding);
      if (typeof plan === 'string' || typeof call === 'string') continue;
      const reads = rewriteInvokeRequest(context, call, plan);
      const response = responseBodyOf(call.result);
      renameResponseFields(context, response);
      context.useAdapter();
      for (const body of response.bodyExpressions) {
        const loop = streamLoopOf(body);
        if (!loop) continue;
        context.insert(loop.iterable.getStart(context.sourceFile), 'payloadLines(');
        context.insert(loop.iterable.getEnd(), ')');
        renameEventReads(context, loop);
        rewriteReads(context, new ResponseFlow(loop.loop.statement, loopSeeds(context, loop)), reads);
      }
    }
  },
};

/** The request's rewrite plan, or why the call is left alone. */
function planFor(context: FixContext, finding: Finding): InvokePlan | string {
  const call = operationCallOf(context, finding);
  if (typeof call === 'string') return call;
  const response = responseBodyOf(call.result);
  const unfollowed = unfollowedResponse(response);
  if (unfollowed !== undefined) return unfollowed;
  const plan = planInvokeRequest(context, call, true);
  if (typeof plan === 'string') return plan;
  if (!context.canUseAdapter()) return l10n.t("the document's place in the workspace is unknown, so the stream parser in the adapter module cannot be imported");
  const loops = response.bodyExpressions.map((body) => streamLoopOf(body));
  if (!loops.some(Boolean)) return l10n.t('the stream is not read with a for await loop in the same function');
  for (const [index, loop] of loops.entries()) {
    if (!loop && !isHarmlessBodyUse(response.bodyExpressions[index])) return l10n.t('the stream is passed on or read outside a for await loop');
    const unmapped = loop && unmappedEventReads(loop);
    if (unmapped) return unmapped;
    const unreadable = loop && unrewritableRead(new ResponseFlow(loop.loop.statement, loopSeeds(context, loop)), plan.reads);
    if (unreadable) return unreadable;
  }
  return plan;
}

function loopSeeds(context: FixContext, loop: StreamLoop): string[] {
  return ts.isIdentifier(loop.variable) ? [loop.variable.text] : loop.variable.elements.map((element) => element.name.getText(context.sourceFile));
}
