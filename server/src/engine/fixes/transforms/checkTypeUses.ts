import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import type { FixContext } from '../fixContext';
import { ADAPTER_BEDROCK_NAMES, BEDROCK_RUNTIME_PACKAGE, SAGEMAKER_RENAMES } from '../names';
import { importSites } from '../support/importSites';
import { referencesCounted } from '../support/nodes';
import { type FixTransform, OK, type Verdict, refuse } from '../transform';

/** Bedrock names the call rewrites remove themselves (their own checks decide whether they can). */
const REWRITTEN_NAMES = new Set(['ConverseCommand', 'ConverseStreamCommand', 'ConverseCommandInput', 'ConverseStreamCommandInput']);

/**
 * Rewrites nothing. Refuses the file migration (on its Bedrock Runtime import) when the code uses a Bedrock
 * Runtime name in a way its replacement cannot carry: a name with no SageMaker or adapter counterpart (the
 * file would import both SDKs), a union type used as a namespace (`ToolResultContentBlock.JsonMember`), or a
 * client config type picked apart by Bedrock-only keys (`Pick<BedrockRuntimeClientConfig, "token">`).
 */
export const checkTypeUses: FixTransform = {
  name: 'check-type-uses',
  rules: ['bedrock/import'],
  check(context, finding) {
    if (finding.data.service !== 'runtime' || finding.data.module !== BEDROCK_RUNTIME_PACKAGE) return OK;
    return firstProblem(context);
  },
  apply() {},
};

function firstProblem(context: FixContext): Verdict {
  const sourceFile = context.sourceFile;
  const sites = importSites(sourceFile, BEDROCK_RUNTIME_PACKAGE);
  for (const site of sites) {
    for (const element of site.elements) {
      // referencesCounted indexes the file once for all names (a scan checks each file with a Bedrock Runtime import)
      // or, in the editor, walks only the statements that mention the name. The verdict reads the uses by their count
      // and the ones isRefusable may refuse: typing next to a use keeps it (issue #13).
      const uses = referencesCounted(sourceFile, element.local, isPlain).filter((id) => id !== element.localNode);
      if (uses.length === 0) continue;
      const name = element.imported;
      if (!SAGEMAKER_RENAMES[name] && !ADAPTER_BEDROCK_NAMES.has(name) && !REWRITTEN_NAMES.has(name)) {
        return refuse(l10n.t("'{0}' from the Bedrock SDK has no SageMaker Runtime counterpart, so the file would still need the Bedrock SDK", name));
      }
      for (const use of uses) {
        if (ADAPTER_BEDROCK_NAMES.has(name) && isNamespaceUse(use)) {
          return refuse(l10n.t("'{0}' is used as a namespace ('{1}'), which the adapter's plain type does not have", element.local, use.parent.getText(sourceFile)));
        }
        if (/ClientConfig$|ClientResolvedConfig$/.test(name) && isPickedApart(use)) {
          return refuse(l10n.t("'{0}' is narrowed to Bedrock-only keys in '{1}', which SageMaker Runtime's config does not have", element.local, use.parent.parent.getText(sourceFile)));
        }
      }
    }
  }
  return OK;
}

/** A use the loop above may refuse, whatever the name (the kept verdict's rule: see CheckReads.counted). */
function isPlain(use: ts.Identifier): boolean {
  return !isNamespaceUse(use) && !isPickedApart(use);
}

/** `X.Y` in a type. */
function isNamespaceUse(use: ts.Identifier): boolean {
  return ts.isQualifiedName(use.parent) && use.parent.left === use;
}

/** `Pick<X, "a">`, `Omit<X, "a">`, `X["a"]`: the type is used through its keys, not as a whole. */
function isPickedApart(use: ts.Identifier): boolean {
  const reference = use.parent;
  if (!ts.isTypeReferenceNode(reference)) return false;
  const outer = reference.parent;
  if (ts.isIndexedAccessTypeNode(outer) && outer.objectType === reference) return true;
  return ts.isTypeReferenceNode(outer) && (outer.typeArguments ?? []).some((argument) => ts.isLiteralTypeNode(argument) || ts.isUnionTypeNode(argument));
}
