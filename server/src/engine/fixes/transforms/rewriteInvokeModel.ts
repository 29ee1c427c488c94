import { type InvokePlan, planInvokeRequest, rewriteInvokeRequest } from '../support/invokeRequest';
import { type OperationCall, operationCallOf } from '../support/operationCall';
import { renameResponseFields, responseBodyOf, responseFlowOf, unfollowedResponse } from '../support/responseBody';
import { readsNeedDetails, rewriteReads, unrewritableRead } from '../support/responseFlow';
import type { Finding } from '../../types';
import type { FixContext } from '../fixContext';
import { type FixTransform, OK, refuse } from '../transform';

/**
 * `InvokeModelCommand` → `InvokeEndpointCommand` (the class is renamed with its import by syncImports):
 * request fields renamed, `modelId` → the endpoint, the body translated for the model family, `response.body`
 * → `response.Body`, and reads of the parsed body adapted (`.generation` → `.generated_text`...). Refused as a
 * whole, with the reason, for closed-weight models, bodies it cannot translate and reads it cannot follow.
 */
export const rewriteInvokeModel: FixTransform = {
  name: 'rewrite-invoke-model',
  rules: ['bedrock/invoke-model'],
  check(context, finding) {
    const planned = plannedCall(context, finding);
    return typeof planned === 'string' ? refuse(planned) : OK;
  },
  apply(context, findings) {
    for (const finding of findings) {
      const planned = plannedCall(context, finding);
      if (typeof planned === 'string') continue;
      const reads = rewriteInvokeRequest(context, planned.call, planned.plan);
      const flow = renameResponseFields(context, responseBodyOf(planned.call.result));
      if (flow) rewriteReads(context, flow, reads);
    }
  },
};

function plannedCall(context: FixContext, finding: Finding): { call: OperationCall; plan: InvokePlan } | string {
  const call = operationCallOf(context, finding);
  if (typeof call === 'string') return call;
  const response = responseBodyOf(call.result);
  const unfollowed = unfollowedResponse(response);
  if (unfollowed !== undefined) return unfollowed;
  const plan = planInvokeRequest(context, call, false);
  if (typeof plan === 'string') return plan;
  const flow = responseFlowOf(response);
  const unreadable = flow && unrewritableRead(flow, plan.reads);
  if (unreadable) return unreadable;
  if (flow && readsNeedDetails(flow, plan.reads)) plan.body.details = true;
  return { call, plan };
}

