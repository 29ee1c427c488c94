import * as l10n from '../../l10n';
import ts from '../../typescript';
import { ruleForClient } from '../../catalog/operations';
import {
  AWS_SDK_V2, BEDROCK_ONLY_WRAPPER_MODULES, SAGEMAKER_RUNTIME_PACKAGE, V2_BEDROCK_CLASSES, bedrockSdkPackage,
  v2ClassForClientsModule, wrapperExport, LANGCHAIN_CHAT_CLASSES, isLangChainChatClass,
} from '../../catalog/packages';
import { ruleMeta, withoutNonePrefix } from '../../rules';
import { wrapperAlternative } from './wrapperAlternative';
import { dynamicImportModule, propertyNameText, requiredModule, skipOuterExpressions } from '../parse';
import { type ScriptContext, type ScriptDetector, rangeOf } from '../scriptContext';

/**
 * Imports, re-exports, `require` and `import()` of Bedrock packages. Whole-Bedrock modules are reported at
 * the module string; mixed packages (`aws-sdk`, `@langchain/aws`, `@llamaindex/aws`) at each Bedrock name.
 */
export const detectImports: ScriptDetector = {
  name: 'imports',
  rules: ['bedrock/import'],
  kinds: [ts.SyntaxKind.ImportDeclaration, ts.SyntaxKind.ExportDeclaration, ts.SyntaxKind.ImportEqualsDeclaration,
    ts.SyntaxKind.ImportType, ts.SyntaxKind.CallExpression, ts.SyntaxKind.VariableDeclaration],
  detect(node, context) {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      const specifier = node.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier)) return;
      if (reportModule(specifier, context)) return;
      const names = ts.isImportDeclaration(node) ? node.importClause?.namedBindings : node.exportClause;
      if (names && (ts.isNamedImports(names) || ts.isNamedExports(names))) {
        for (const element of names.elements) reportName(specifier.text, (element.propertyName ?? element.name).text, element, context);
      }
      return;
    }
    if (ts.isImportEqualsDeclaration(node)) {
      const reference = node.moduleReference;
      if (ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) reportModule(reference.expression, context);
      return;
    }
    // type Output = import('@aws-sdk/client-bedrock-runtime').ConverseCommandOutput: a type-only dependency is still one.
    if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (!ts.isLiteralTypeNode(argument) || !ts.isStringLiteral(argument.literal)) return;
      if (reportModule(argument.literal, context) || !node.qualifier) return;
      const first = leftmostName(node.qualifier);
      reportName(argument.literal.text, first.text, first, context);
      return;
    }
    if (ts.isCallExpression(node)) {
      if (requiredModule(node) !== undefined || dynamicImportModule(node) !== undefined) {
        reportModule(node.arguments[0] as ts.StringLiteralLike, context);
      }
      return;
    }
    // const { BedrockRuntime } = require('aws-sdk')  /  = await import('@langchain/aws')
    if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer) {
      const init = skipOuterExpressions(node.initializer);
      const specifier = requiredModule(init) ?? dynamicImportModule(init);
      if (specifier === undefined || isWholeBedrockModule(specifier)) return; // already reported at the module string
      for (const element of node.name.elements) {
        const name = propertyNameText(element.propertyName) ?? propertyNameText(element.name);
        if (name) reportName(specifier, name, element, context);
      }
    }
  },
};

function leftmostName(name: ts.EntityName): ts.Identifier {
  return ts.isIdentifier(name) ? name : leftmostName(name.left);
}

function isWholeBedrockModule(specifier: string): boolean {
  return Boolean(bedrockSdkPackage(specifier) || v2ClassForClientsModule(specifier) || BEDROCK_ONLY_WRAPPER_MODULES[specifier]);
}

/** Reports a module string that is Bedrock as a whole; returns true when it did. */
function reportModule(literal: ts.StringLiteralLike, context: ScriptContext): boolean {
  const specifier = literal.text;
  const region = context.settings.targetRegion;
  const range = rangeOf(literal, context.sourceFile);
  const pkg = bedrockSdkPackage(specifier);
  if (pkg) {
    const runtime = pkg.service === 'runtime';
    const rule = ruleMeta(ruleForClient(pkg.service));
    context.report({
      ruleId: 'bedrock/import', range, fixable: runtime,
      category: runtime ? 'has-equivalent' : 'no-equivalent',
      equivalent: runtime ? SAGEMAKER_RUNTIME_PACKAGE : rule.equivalent(),
      message: runtime
        ? l10n.t("'{0}' calls Amazon Bedrock, which is not available in {1}. Use '{2}' with a SageMaker endpoint.", specifier, region, SAGEMAKER_RUNTIME_PACKAGE)
        : l10n.t("'{0}' is an Amazon Bedrock service that does not exist in {1}. Alternative: {2}.", specifier, region, withoutNonePrefix(rule.equivalent())),
      data: { module: specifier, service: pkg.service },
    });
    return true;
  }
  const v2Class = v2ClassForClientsModule(specifier);
  if (v2Class) {
    reportV2Class(v2Class, literal, context, specifier);
    return true;
  }
  const library = BEDROCK_ONLY_WRAPPER_MODULES[specifier];
  if (library) {
    const rule = ruleMeta(library === 'ai-sdk' ? 'bedrock/ai-sdk' : library === 'llamaindex' ? 'bedrock/llamaindex' : 'bedrock/langchain');
    context.report({
      // The AI SDK provider module and LangChain chat model modules are rewritten (rewriteAiSdk, rewriteLangChain decide exactly).
      ruleId: 'bedrock/import', range, category: 'manual', equivalent: rule.equivalent(),
      fixable: library === 'ai-sdk' || LANGCHAIN_CHAT_CLASSES.some((entry) => entry.module === specifier),
      message: l10n.t("'{0}' reaches Amazon Bedrock, which is not available in {1}. Alternative: {2}.", specifier, region, withoutNonePrefix(rule.equivalent())),
      data: { module: specifier, library },
    });
    return true;
  }
  return false;
}

/** Reports one imported name of a mixed package when that name is a Bedrock class. */
function reportName(specifier: string, name: string, node: ts.Node, context: ScriptContext): void {
  if (specifier === AWS_SDK_V2) {
    if (V2_BEDROCK_CLASSES[name]) reportV2Class(name, node, context, specifier);
    return;
  }
  const wrapper = wrapperExport(specifier, name);
  if (!wrapper) return;
  const rule = ruleMeta(wrapper.rule);
  const alternative = wrapperAlternative(wrapper);
  context.report({
    ruleId: 'bedrock/import', range: rangeOf(node, context.sourceFile), category: wrapper.category ?? rule.category,
    equivalent: alternative, fixable: isLangChainChatClass(specifier, name),
    message: l10n.t("'{0}' from '{1}' reaches Amazon Bedrock, which is not available in {2}. Alternative: {3}.", name, specifier, context.settings.targetRegion, withoutNonePrefix(alternative)),
    data: { module: specifier, name, library: wrapper.library },
  });
}

function reportV2Class(className: string, node: ts.Node, context: ScriptContext, specifier: string): void {
  const service = V2_BEDROCK_CLASSES[className].service;
  const runtime = service === 'runtime';
  const alternative = runtime ? 'AWS.SageMakerRuntime' : ruleMeta(ruleForClient(service)).equivalent();
  context.report({
    ruleId: 'bedrock/import', range: rangeOf(node, context.sourceFile), fixable: runtime,
    category: runtime ? 'has-equivalent' : 'no-equivalent', equivalent: alternative,
    message: l10n.t("AWS SDK v2 '{0}' calls Amazon Bedrock, which is not available in {1}. Use {2}.", className, context.settings.targetRegion, alternative),
    data: { module: specifier, name: className, service, sdk: 'v2' },
  });
}
