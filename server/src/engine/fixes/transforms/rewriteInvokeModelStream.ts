import * as l10n from '@vscode/l10n';
import ts from '../../../typescript';
import type { Finding } from '../../types';
import type { FixContext } from '../context';
import { checkInvokeRequest, rewriteInvokeRequest } from '../support/invokeRequest';
import { operationCallOf } from '../support/operationCall';
import { renameResponseFields, responseBodyOf } from '../support/responseBody';
import { ResponseFlow, rewriteReads } from '../support/responseFlow';
import { isHarmlessBodyUse, renameEventReads, streamLoopOf, unmappedEventReads } from '../support/streamLoop';
import { OK, type FixTransform, type Verdict, refuse } from '../transform';

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
    return verdictFor(context, finding);
  },
  apply(context, findings) {
    for (const finding of findings) {
      if (!verdictFor(context, finding).ok) continue;
      const call = operationCallOf(context, finding);
      if (typeof call === 'string') continue;
      const reads = rewriteInvokeRequest(context, call, true);
      const response = responseBodyOf(call.result);
      renameResponseFields(context, response);
      context.useAdapter();
      for (const body of response.bodyExpressions) {
        const loop = streamLoopOf(body);
        if (!loop) continue;
        context.insert(loop.iterable.getStart(context.sourceFile), 'payloadLines(');
        context.insert(loop.iterable.getEnd(), ')');
        renameEventReads(context, loop);
        const seeds = ts.isIdentifier(loop.variable) ? [loop.variable.text] : loop.variable.elements.map((element) => element.name.getText(context.sourceFile));
        rewriteReads(context, new ResponseFlow(loop.loop.statement, seeds), reads);
      }
    }
  },
};

function verdictFor(context: FixContext, finding: Finding): Verdict {
  const call = operationCallOf(context, finding);
  if (typeof call === 'string') return refuse(call);
  const request = checkInvokeRequest(call);
  if (!request.ok) return request;
  if (!context.adapter()) return refuse(l10n.t("the document's place in the workspace is unknown, so the stream parser in the adapter module cannot be imported"));
  const response = responseBodyOf(call.result);
  if (response.binding.kind === 'escapes') return refuse(l10n.t('the response leaves this expression, so the loop over its stream cannot be found'));
  const loops = response.bodyExpressions.map((body) => streamLoopOf(body));
  if (!loops.some(Boolean)) return refuse(l10n.t('the stream is not read with a for await loop in the same function'));
  for (const [index, loop] of loops.entries()) {
    if (!loop && !isHarmlessBodyUse(response.bodyExpressions[index])) return refuse(l10n.t('the stream is passed on or read outside a for await loop'));
    const unmapped = loop && unmappedEventReads(loop);
    if (unmapped) return refuse(unmapped);
  }
  return OK;
}
