import ts from '../typescript';
import { parseScript } from '../script/parse';
import type { EngineSettings, Finding, RuleId, ScriptLanguage } from '../types';
import { type PackageContext, defaultPackageContext, placeInPackage } from '../project/packageContext';
import { DEFAULT_SETTINGS } from '../settings';
import { type AdapterModule, CONVERSE_ADAPTER, LANGCHAIN_CHAT_MODEL, type ModuleTemplate, adapterModule } from './support/adapterModule';
import { readFindings, readWholeFile } from './support/checkReads';
import { endOfLine, isDeclared, nodeAtRange } from './support/nodes';
import { type CodeStyle, inferStyle } from './style';
import { treeFacts } from './support/treeFacts';
import type { CreatedFile, TextEdit } from '../fixTypes';

/** The LangChain.js chat model module's file name; it goes into the folder of the Converse adapter. */

/** What every pass of one fix run shares: the files to create and the findings that will not be rewritten. */
export interface RunState {
  readonly settings: EngineSettings;
  readonly languageId: ScriptLanguage;
  readonly fileName?: string;
  readonly workspaceRelativePath?: string;
  /** The package the document belongs to; without it, a package at the workspace root is assumed. */
  readonly packageContext?: PackageContext;
  readonly createFiles: Map<string, CreatedFile>;
}

/**
 * One pass of one transform over the current text: a fresh parse, fresh findings, and an edit list in
 * offsets of that text. Transforms never see another transform's pending edits.
 */
export class FixContext {
  readonly sourceFile: ts.SourceFile;
  readonly edits: TextEdit[] = [];
  private readonly declarations = new Map<string, () => string>();
  private readonly finishers: Array<() => void> = [];
  private inferredStyle: CodeStyle | undefined;

  private readonly findingsOrAnalysis: readonly Finding[] | (() => readonly Finding[]);

  /**
   * `sourceFile`: the tree of `text` (parent pointers set) when the caller has one, else the text is parsed.
   * `findings` may be the analysis that gives them, run when a transform first reads them.
   */
  constructor(readonly text: string, findings: readonly Finding[] | (() => readonly Finding[]), readonly run: RunState, sourceFile?: ts.SourceFile) {
    this.findingsOrAnalysis = findings;
    this.sourceFile = sourceFile ?? parseScript(text, run.languageId, run.fileName);
  }

  /** The findings of this text (a check that reads them depends on all of them: see checkReads). */
  get findings(): readonly Finding[] {
    readFindings();
    return this.allFindings();
  }

  /** The file's formatting habits; inferred on first use (a whole-file walk that checks alone never need). */
  get style(): CodeStyle {
    readWholeFile();
    this.inferredStyle ??= inferStyle(this.sourceFile);
    return this.inferredStyle;
  }

  get settings(): EngineSettings {
    return this.run.settings;
  }

  /** The findings of these rules (a check that reads them depends on those only). */
  findingsOf(rules: readonly RuleId[]): Finding[] {
    readFindings(rules);
    return this.allFindings().filter((finding) => rules.includes(finding.ruleId));
  }

  private allFindings(): readonly Finding[] {
    return typeof this.findingsOrAnalysis === 'function' ? this.findingsOrAnalysis() : this.findingsOrAnalysis;
  }

  /** The node a finding points at, found again in this pass's tree. */
  nodeOf(finding: Finding): ts.Node | undefined {
    return nodeAtRange(this.sourceFile, finding.range);
  }

  replace(node: ts.Node | { start: number; end: number }, newText: string): void {
    const range = 'kind' in node ? { start: node.getStart(this.sourceFile), end: node.getEnd() } : node;
    this.edits.push({ range: { start: range.start, end: range.end }, newText });
  }

  insert(position: number, newText: string): void {
    this.edits.push({ range: { start: position, end: position }, newText });
  }

  /**
   * Adds a top-level declaration (after the imports) unless `name` already exists in the file. The code is
   * rendered when the pass ends, so several call sites can contribute to one declaration.
   */
  declare(name: string, code: string | (() => string)): void {
    if (this.declarations.has(name) || isDeclared(this.sourceFile, name)) return;
    this.declarations.set(name, typeof code === 'string' ? () => code : code);
  }

  /**
   * Runs `edit` when the pass ends, before the declarations are rendered: for edits that depend on what every call
   * site of the pass contributed (rows added to a declaration the file already has).
   */
  atFinish(edit: () => void): void {
    this.finishers.push(edit);
  }

  private readonly moduleCache = new Map<ModuleTemplate, AdapterModule | undefined>();

  /** A module written once per package (the Converse adapter by default), or undefined when the document's place in the workspace is unknown. */
  adapter(template: ModuleTemplate = CONVERSE_ADAPTER): AdapterModule | undefined {
    // Rendering it reads the file's style and module system.
    readWholeFile();
    if (!this.moduleCache.has(template)) this.moduleCache.set(template, this.locateAdapter(template));
    return this.moduleCache.get(template);
  }

  /**
   * Whether the module can be imported from this document (what `adapter()` is defined for), without
   * rendering it: checks ask this on every keystroke, and rendering walks the whole file for its style.
   */
  canUseAdapter(template: ModuleTemplate = CONVERSE_ADAPTER): boolean {
    const { workspaceRelativePath, settings, packageContext } = this.run;
    if (this.moduleCache.has(template)) return this.moduleCache.get(template) !== undefined;
    return workspaceRelativePath !== undefined
      && placeInPackage(packageContext ?? defaultPackageContext(), settings.adapterPath, settings.adapterPath === DEFAULT_SETTINGS.adapterPath) !== undefined;
  }

  private locateAdapter(template: ModuleTemplate): AdapterModule | undefined {
    const { workspaceRelativePath, languageId, settings, packageContext } = this.run;
    if (!workspaceRelativePath) return undefined;
    return adapterModule({
      adapterPath: settings.adapterPath,
      isDefaultPath: settings.adapterPath === DEFAULT_SETTINGS.adapterPath,
      workspaceRelativePath,
      packageContext: packageContext ?? defaultPackageContext(),
      javascript: languageId === 'javascript' || languageId === 'javascriptreact',
      usesRequire: usesRequire(this.sourceFile),
      style: this.style,
      sourceFile: this.sourceFile,
      template,
    });
  }

  /** The LangChain.js chat model module (beside the adapter), or undefined when the document's place is unknown. */
  chatModel(): AdapterModule | undefined {
    return this.adapter(LANGCHAIN_CHAT_MODEL);
  }

  /** Registers the chat model module for creation; returns its import specifier. */
  useChatModel(): string | undefined {
    return this.useAdapter(LANGCHAIN_CHAT_MODEL);
  }

  /** Registers the module's file for creation; returns its import specifier. */
  useAdapter(template: ModuleTemplate = CONVERSE_ADAPTER): string | undefined {
    const adapter = this.adapter(template);
    if (!adapter) return undefined;
    this.run.createFiles.set(adapter.file.path, adapter.file);
    if (adapter.declaration) this.run.createFiles.set(adapter.declaration.path, adapter.declaration);
    return adapter.specifier;
  }

  /** The pass's edits, with queued declarations inserted after the imports. */
  finish(): TextEdit[] {
    for (const edit of this.finishers.splice(0)) edit();
    if (this.declarations.size === 0) return this.edits;
    const eol = this.style.eol;
    const block = [...this.declarations.values()].map((render) => render()).join(eol + eol);
    const anchor = lastImport(this.sourceFile);
    if (anchor) {
      // On the line after the last import, so a trailing comment stays with its import.
      const position = endOfLine(this.text, anchor.getEnd());
      const newText = this.text.charAt(position - 1) === '\n' ? eol + block + eol : eol + eol + block;
      return [...this.edits, { range: { start: position, end: position }, newText }];
    }
    const first = this.sourceFile.statements[0];
    const position = first ? first.getStart(this.sourceFile) : this.text.length;
    return [...this.edits, { range: { start: position, end: position }, newText: block + eol + eol }];
  }
}

/** True when the file loads modules with `require(...)` and has no `import` declarations. */
export function usesRequire(sourceFile: ts.SourceFile): boolean {
  const facts = treeFacts(sourceFile);
  return facts.hasRequireCall && !facts.hasImportDeclaration;
}

/** The last top-level import (`import`, `import x = require()`, `const x = require()`) before other code. */
export function lastImport(sourceFile: ts.SourceFile): ts.Statement | undefined {
  let last: ts.Statement | undefined;
  for (const statement of sourceFile.statements) {
    if (isImportLike(statement)) last = statement;
    else if (last) break;
    else if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break; // 'use strict' may precede
  }
  return last;
}

export function isImportLike(statement: ts.Statement): boolean {
  if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) return true;
  if (!ts.isVariableStatement(statement)) return false;
  return statement.declarationList.declarations.every((declaration) => {
    const init = declaration.initializer;
    return init !== undefined && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require';
  });
}
