import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import type { FixContext } from '../fixContext';
import { ADAPTER_BEDROCK_NAMES, BEDROCK_RUNTIME_PACKAGE, SAGEMAKER_RENAMES, SAGEMAKER_RUNTIME_PACKAGE } from '../names';
import { type FixTransform, OK, type Verdict, refuse } from '../transform';

/**
 * `export { ... } from "@aws-sdk/client-bedrock-runtime"`: a module that hands Bedrock's names to the rest of the
 * package. Converse types move to the adapter module (the code that passes them to the adapter then type-checks);
 * client and command names move to SageMaker Runtime under the name the module exported, so importers keep
 * compiling. A re-export of everything, or of names that go to different places, is refused.
 */
export const rewriteReExports: FixTransform = {
  name: 'rewrite-re-exports',
  rules: ['bedrock/import'],
  check(context, finding) {
    const declaration = reExportAt(context, finding.range.start);
    return declaration ? verdictFor(context, declaration) : OK;
  },
  apply(context) {
    for (const declaration of reExports(context.sourceFile)) {
      if (!verdictFor(context, declaration).ok) continue;
      const elements = (declaration.exportClause as ts.NamedExports).elements;
      const quote = declaration.moduleSpecifier!.getText(context.sourceFile).charAt(0);
      if (elements.every((element) => ADAPTER_BEDROCK_NAMES.has(importedName(element)))) {
        const specifier = context.useAdapter();
        if (specifier) context.replace(declaration.moduleSpecifier!, `${quote}${specifier}${quote}`);
        continue;
      }
      for (const element of elements) {
        const renamed = SAGEMAKER_RENAMES[importedName(element)]!;
        if (renamed === importedName(element)) continue;
        context.replace(element.propertyName ?? element.name, element.propertyName ? renamed : `${renamed} as ${element.name.text}`);
      }
      context.replace(declaration.moduleSpecifier!, `${quote}${SAGEMAKER_RUNTIME_PACKAGE}${quote}`);
    }
  },
};

function verdictFor(context: FixContext, declaration: ts.ExportDeclaration): Verdict {
  if (!declaration.exportClause || !ts.isNamedExports(declaration.exportClause)) {
    return refuse(l10n.t('the module re-exports everything of the Bedrock SDK, which has no single SageMaker counterpart'));
  }
  const names = declaration.exportClause.elements.map(importedName);
  if (names.every((name) => ADAPTER_BEDROCK_NAMES.has(name))) {
    return context.canUseAdapter() ? OK : refuse(l10n.t("the document's place in the workspace is unknown, so the adapter module cannot be imported"));
  }
  if (names.every((name) => SAGEMAKER_RENAMES[name] !== undefined)) return OK;
  return refuse(l10n.t("the module re-exports Bedrock names that have no single counterpart ({0})", names.filter((name) => !SAGEMAKER_RENAMES[name]).join(', ')));
}

function importedName(element: ts.ExportSpecifier): string {
  return (element.propertyName ?? element.name).getText();
}

function reExports(sourceFile: ts.SourceFile): ts.ExportDeclaration[] {
  return sourceFile.statements.filter((statement): statement is ts.ExportDeclaration => ts.isExportDeclaration(statement)
    && statement.moduleSpecifier !== undefined && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === BEDROCK_RUNTIME_PACKAGE);
}

function reExportAt(context: FixContext, offset: number): ts.ExportDeclaration | undefined {
  return reExports(context.sourceFile).find((declaration) => declaration.getStart(context.sourceFile) <= offset && offset <= declaration.getEnd());
}
