import ts from '../typescript';
import { LANGCHAIN_CHAT_CLASSES } from '../catalog/packages';
import { importSites } from '../fixes/support/importSites';
import { isChatModelFinding } from '../fixes/transforms/rewriteLangChain';
import { WRAPPER_MODULE_IMPORTS } from '../packageJson/planDependencyFix';
import type { Finding } from '../types';

/** Fix-all moves this file's LangChain chat model to the SageMaker chat model module: it has such findings, all fixable. */
export function langChainWillMigrate(findings: readonly Finding[]): boolean {
  const chat = findings.filter(isChatModelFinding);
  return chat.length > 0 && chat.every((finding) => finding.fixable);
}

/**
 * The package specifiers a file imports once its chat model is migrated: a chat class's module goes when the file
 * imports nothing else from it, and the written module's own imports (SageMaker Runtime, `@langchain/core`) come in.
 */
export function importsAfterLangChainMigration(text: string, imports: readonly string[]): string[] {
  const sourceFile = ts.createSourceFile('migrated.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const gone = new Set<string>();
  for (const module of new Set(LANGCHAIN_CHAT_CLASSES.map((entry) => entry.module))) {
    const sites = importSites(sourceFile, module);
    const onlyChat = sites.every((site) => site.elements.every((element) => LANGCHAIN_CHAT_CLASSES.some((entry) => entry.module === module && entry.name === element.imported)));
    // Every mention of the module is one of these import statements (no re-export, namespace or dynamic import).
    if (sites.length > 0 && onlyChat && imports.filter((specifier) => specifier === module).length === sites.length) gone.add(module);
  }
  return [...imports.filter((specifier) => !gone.has(specifier)), ...WRAPPER_MODULE_IMPORTS];
}
