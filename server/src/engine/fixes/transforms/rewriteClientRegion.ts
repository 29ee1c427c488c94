import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import type { Finding } from '../../types';
import type { FixContext } from '../fixContext';
import { rewritesChatModelAt } from './rewriteLangChain';
import { OK, type FixTransform, type Verdict, refuse } from '../transform';
import { importedNameOf } from '../support/aiSdkUses';
import { referencesTo } from '../support/nodes';
import { insertTodoAbove } from '../support/todoComment';

/**
 * `region: "us-east-1"` on a Bedrock Runtime client → the target China region, keeping the quote style. Other
 * Bedrock clients and wrappers keep their region: they have no China endpoint to point at.
 */
export const rewriteClientRegion: FixTransform = {
  name: 'rewrite-client-region',
  rules: ['bedrock/client-region'],
  refusalBlocksFile: false,
  check: verdictFor,
  apply(context, findings) {
    for (const finding of findings) {
      const literal = context.nodeOf(finding);
      // A LangChain chat model's region changes only with the rest of its construction (rewriteLangChain).
      if (!literal || !(ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal))) continue;
      const reach = reachOf(context, finding);
      if (reach.onlyRuntimeClients || isAiSdkFactoryRegion(context, finding)) {
        const quote = literal.getText(context.sourceFile).charAt(0);
        context.replace(literal, `${quote}${context.settings.targetRegion}${quote}`);
      } else if (reach.runtimeClients > 0) {
        // Whatever else gets these options keeps its region; the migrated client needs options of its own.
        insertTodoAbove(context, literal, l10n.t("the SageMaker Runtime client must use the target region '{0}', but these options are also used elsewhere (another client, an export or other code): give it options of its own with region '{0}'.", context.settings.targetRegion));
      }
    }
  },
};

function verdictFor(context: FixContext, finding: Finding): Verdict {
  // The Vercel AI SDK's createAmazonBedrock({ region }) becomes createSageMaker({ region }) (rewriteAiSdk).
  if (isAiSdkFactoryRegion(context, finding)) return OK;
  // A LangChain chat model the file migration rewrites gets the target region with it (also a fallback literal).
  const owner = regionOwner(context, finding);
  if (owner && rewritesChatModelAt(context, owner)) return OK;
  // Rewritten, or (shared beyond the Runtime clients) a TODO above it: the migrated client never keeps it silently.
  if (reachOf(context, finding).runtimeClients > 0) return OK;
  return refuse(l10n.t('only Bedrock Runtime clients move to SageMaker Runtime; this client has no China endpoint'));
}

interface RegionReach {
  /** How many Bedrock Runtime client constructors (which the migration rewrites) get the options. */
  runtimeClients: number;
  /** The options go to Bedrock Runtime client constructors and nowhere else (no other client, export or use). */
  onlyRuntimeClients: boolean;
}

/**
 * Where the literal's options object goes: the constructor it is written in, or the constructors a variable holding
 * it is passed to. Only a module-local `const` passed to nothing but constructors is known to go nowhere else.
 */
function reachOf(context: FixContext, finding: Finding): RegionReach {
  const options = optionsOf(context, finding);
  const construction = options && constructionTaking(options);
  if (!options || construction) {
    const runtime = construction !== undefined && isRuntimeClient(context, construction.expression);
    return { runtimeClients: runtime ? 1 : 0, onlyRuntimeClients: runtime };
  }
  const variable = skipOuterUp(options).parent;
  if (!ts.isVariableDeclaration(variable) || !ts.isIdentifier(variable.name)) return { runtimeClients: 0, onlyRuntimeClients: false };
  const name = variable.name;
  const callees = referencesTo(context.sourceFile, name.text).filter((use) => use !== name).map((use) => constructionTaking(use)?.expression);
  const runtimeClients = callees.filter((callee) => callee !== undefined && isRuntimeClient(context, callee)).length;
  return { runtimeClients, onlyRuntimeClients: runtimeClients > 0 && runtimeClients === callees.length && isLocalConst(variable) };
}

/** `new X(options)`, with `options` its first argument (through parentheses and assertions). */
function constructionTaking(options: ts.Node): ts.NewExpression | undefined {
  const argument = skipOuterUp(options);
  const construction = argument.parent;
  return ts.isNewExpression(construction) && construction.arguments?.[0] === argument ? construction : undefined;
}

/** A `const` of this module only: an exported one may configure clients elsewhere. */
function isLocalConst(declaration: ts.VariableDeclaration): boolean {
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return false;
  const statement = list.parent;
  return ts.isVariableStatement(statement) && !statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

/** The outermost parentheses or assertion around `node` (itself when there is none). */
function skipOuterUp(node: ts.Node): ts.Node {
  let current = node;
  while (isOuterExpression(current.parent) && current.parent.expression === current) current = current.parent;
  return current;
}

/**
 * `region: "us-east-1"`, or `region: process.env.AWS_REGION ?? "us-east-1"` (also `||`, parentheses): the literal is
 * the value the client gets when nothing else is set, so it is the one to point at the target region.
 */
function regionPropertyOf(literal: ts.Node): ts.PropertyAssignment | undefined {
  let node = literal;
  for (;;) {
    const parent = node.parent;
    if (isOuterExpression(parent) && parent.expression === node) node = parent;
    else if (ts.isBinaryExpression(parent) && parent.right === node && isFallbackOperator(parent.operatorToken.kind)) node = parent;
    else return ts.isPropertyAssignment(parent) && parent.initializer === node ? parent : undefined;
  }
}

function isOuterExpression(node: ts.Node): node is ts.ParenthesizedExpression | ts.AsExpression | ts.SatisfiesExpression | ts.NonNullExpression | ts.TypeAssertion {
  return ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node);
}

function isFallbackOperator(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.BarBarToken;
}

/** The constructor whose options, written in place, hold the reported literal (also as a fallback). */
function regionOwner(context: FixContext, finding: Finding): ts.Expression | undefined {
  const options = optionsOf(context, finding);
  return options && constructionTaking(options)?.expression;
}

/** The object literal whose `region` property holds the reported literal (also as a fallback). */
function optionsOf(context: FixContext, finding: Finding): ts.ObjectLiteralExpression | undefined {
  const literal = context.nodeOf(finding);
  return literal && regionPropertyOf(literal)?.parent;
}

function isRuntimeClient(context: FixContext, callee: ts.Expression): boolean {
  return context.findingsOf(['bedrock/runtime-client']).some((other) => other.range.start === callee.getStart(context.sourceFile) && other.range.end === callee.getEnd());
}

/** `createAmazonBedrock({ region })`, also with a fallback literal: the options are the factory call's first argument. */
function isAiSdkFactoryRegion(context: FixContext, finding: Finding): boolean {
  const options = optionsOf(context, finding);
  if (!options) return false;
  const argument = skipOuterUp(options);
  const call = argument.parent;
  return ts.isCallExpression(call) && call.arguments[0] === argument && isAiSdkFactory(context, call.expression);
}

function isAiSdkFactory(context: FixContext, callee: ts.Expression): boolean {
  return ts.isIdentifier(callee) && importedNameOf(context, callee.text) === 'createAmazonBedrock';
}
