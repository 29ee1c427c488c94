import * as l10n from '@vscode/l10n';
import { checkInvokeRequest, rewriteInvokeRequest } from '../support/invokeRequest';
import { operationCallOf } from '../support/operationCall';
import { renameResponseFields, responseBodyOf } from '../support/responseBody';
import { rewriteReads } from '../support/responseFlow';
import { type FixTransform, refuse } from '../transform';

/**
 * `InvokeModelCommand` → `InvokeEndpointCommand` (the class is renamed with its import by syncImports):
 * request fields renamed, `modelId` → the endpoint, the body translated for the model family, `response.body`
 * → `response.Body`, and reads of the parsed body adapted (`.generation` → `.generated_text`...).
 */
export const rewriteInvokeModel: FixTransform = {
  name: 'rewrite-invoke-model',
  rules: ['bedrock/invoke-model'],
  check(context, finding) {
    const call = operationCallOf(context, finding);
    if (typeof call === 'string') return refuse(call);
    if (responseBodyOf(call.result).binding.kind === 'escapes') {
      return refuse(l10n.t('the response leaves this expression (returned or passed on), so its .body reads cannot be found'));
    }
    return checkInvokeRequest(call);
  },
  apply(context, findings) {
    for (const finding of findings) {
      const call = operationCallOf(context, finding);
      if (typeof call === 'string' || !this.check!(context, finding).ok) continue;
      const reads = rewriteInvokeRequest(context, call, false);
      const flow = renameResponseFields(context, responseBodyOf(call.result));
      if (flow) rewriteReads(context, flow, reads);
    }
  },
};
