import * as l10n from '@vscode/l10n';
import { findHosts } from '../catalog/modelIds';
import type { EmbeddedContext } from '../embeddedContext';
import type { OffsetRange } from '../types';
import { type SimpleCommand, valueRange } from './splitCommands';
import { servingRules } from '../servesRules';

const HTTP_CLIENTS = new Set(['curl', 'awscurl', 'wget', 'http', 'https', 'xh', 'invoke-restmethod', 'invoke-webrequest', 'irm', 'iwr']);

/**
 * curl/awscurl/wget (and PowerShell's Invoke-RestMethod) with a Bedrock host in an argument. Returns the
 * ranges of the hosts it reported, so the generic string scan does not report them again.
 */
export const detectHttpClients = servingRules(['bedrock/cli-command'], function detectHttpClients(command: SimpleCommand, context: EmbeddedContext): OffsetRange[] {
  const [first, ...args] = command.words;
  const name = first?.value.replace(/^.*[\\/]/, '').replace(/\.exe$/i, '').toLowerCase();
  if (!name || !HTTP_CLIENTS.has(name)) return [];
  const claimed: OffsetRange[] = [];
  const region = context.settings.targetRegion;
  for (const word of args) {
    for (const host of findHosts(word.value)) {
      const start = word.offsets[host.index];
      const end = word.offsets[host.index + host.length - 1] + 1;
      claimed.push({ start, end });
      context.report({
        ruleId: 'bedrock/cli-command',
        range: valueRange(word),
        message: l10n.t("'{0}' calls the Bedrock host {1}, which does not exist in {2}. Call your SageMaker endpoint instead: POST https://runtime.sagemaker.{2}.amazonaws.com.cn/endpoints/<endpoint>/invocations, signed with SigV4 for service 'sagemaker'.", first.value, host.text, region),
        category: 'manual', equivalent: `runtime.sagemaker.${region}.amazonaws.com.cn`,
        data: { client: name, host: host.text },
      });
    }
  }
  return claimed;
});
