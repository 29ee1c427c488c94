import * as l10n from '@vscode/l10n';
import type { FixProposal } from '../../../fixTypes';
import { stringContentRange } from '../../../python/syntax';
import type { OffsetRange } from '../../../types';
import { nodeAt, withPythonTree } from './pythonTree';
import { servingRules } from '../../../servesRules';

/** `boto3.client("bedrock-runtime")` → `boto3.client("sagemaker-runtime")`: only the service name changes. */
export const pythonClientFix = servingRules(['bedrock/python-sdk'], function pythonClientFix(text: string, local: OffsetRange): FixProposal | undefined {
  return withPythonTree(text, (root) => {
    const literal = nodeAt(root, local, 'string');
    if (!literal) return undefined;
    const content = stringContentRange(literal);
    if (text.slice(content.start, content.end) !== 'bedrock-runtime') return undefined;
    return {
      title: l10n.t('Use boto3.client("sagemaker-runtime")'), kind: 'quickfix', isPreferred: true,
      edits: [{ range: content, newText: 'sagemaker-runtime' }],
    };
  });
});
