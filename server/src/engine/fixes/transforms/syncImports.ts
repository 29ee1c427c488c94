import ts from '../../typescript';
import { type FixContext, lastImport, usesRequire } from '../fixContext';
import {
  ADAPTER_BEDROCK_NAMES, ADAPTER_TYPE_EXPORTS, ADAPTER_WRITTEN_NAMES, BEDROCK_RUNTIME_PACKAGE, SAGEMAKER_RENAMES,
  SAGEMAKER_RUNTIME_PACKAGE, SAGEMAKER_TYPE_EXPORTS,
} from '../names';
import {
  type ImportSite, ListEditor, type NamespaceSite, type WantedName, deleteStatement, elementText, importSites, importStatement,
  namespaceSites,
} from '../support/importSites';
import { endOfLine, isDeclared, referencesTo } from '../support/nodes';
import type { FixTransform } from '../transform';

/**
 * Runs last. Brings the imports in line with the rewritten code: Bedrock Runtime names become SageMaker Runtime
 * names (aliases kept, references renamed when not aliased), Converse types follow the adapter module, names
 * the rewrites introduced get imported (merged into existing imports), and unused Bedrock names are dropped.
 * A Bedrock import left with nothing of its own is turned into the new import in place.
 */
export const syncImports: FixTransform = {
  name: 'sync-imports',
  rules: [],
  apply(context) {
    new ImportSync(context).run();
  },
};

class ImportSync {
  private readonly sourceFile: ts.SourceFile;
  private readonly typescript: boolean;
  private readonly adapterSpecifier: string | undefined;
  private readonly wantSageMaker = new Map<string, WantedName>();
  private readonly wantAdapter = new Map<string, WantedName>();
  private readonly editors = new Map<ImportSite, ListEditor>();
  /** Bedrock elements satisfied by renaming them where they are (their import becomes the SageMaker one). */
  private readonly movingToSageMaker = new Map<ListEditor, Map<string, string>>();

  constructor(private readonly context: FixContext) {
    this.sourceFile = context.sourceFile;
    this.typescript = context.run.languageId === 'typescript' || context.run.languageId === 'typescriptreact';
    this.adapterSpecifier = context.adapter()?.specifier;
  }

  run(): void {
    const bedrock = importSites(this.sourceFile, BEDROCK_RUNTIME_PACKAGE);
    // A name imported twice (`import { X } ...; import { X } ...`) is one binding: the first import plans it, the
    // repeats go, and neither import counts as a use of the other.
    const bindings = new Set<ts.Node>(bedrock.flatMap((site) => site.elements.map((element) => element.localNode)));
    const planned = new Set<string>();
    for (const site of bedrock) this.planBedrockSite(site, bindings, planned);
    for (const site of namespaceSites(this.sourceFile, BEDROCK_RUNTIME_PACKAGE)) this.planNamespace(site);
    this.wantFreeNames();
    this.emit(bedrock);
  }

  private editor(site: ImportSite): ListEditor {
    let editor = this.editors.get(site);
    if (!editor) {
      editor = new ListEditor(site);
      this.editors.set(site, editor);
    }
    return editor;
  }

  private planBedrockSite(site: ImportSite, bindings: ReadonlySet<ts.Node>, planned: Set<string>): void {
    const editor = this.editor(site);
    for (const element of site.elements) {
      const uses = referencesTo(this.sourceFile, element.local).filter((id) => !bindings.has(id));
      const repeated = planned.has(element.local);
      planned.add(element.local);
      if (uses.length === 0 || repeated) {
        editor.remove(element);
        continue;
      }
      const sageMakerName = SAGEMAKER_RENAMES[element.imported];
      if (sageMakerName) {
        const aliased = element.local !== element.imported;
        if (!aliased) for (const use of uses) this.context.replace(use, sageMakerName);
        const local = aliased ? element.local : sageMakerName;
        this.wantSageMaker.set(local, { imported: sageMakerName, local, typeOnly: site.typeOnly || element.typeOnly || SAGEMAKER_TYPE_EXPORTS.has(sageMakerName) });
        const moving = this.movingToSageMaker.get(editor) ?? new Map<string, string>();
        moving.set(element.local, sageMakerName);
        this.movingToSageMaker.set(editor, moving);
        editor.remove(element);
      } else if (ADAPTER_BEDROCK_NAMES.has(element.imported) && this.adapterSpecifier) {
        this.wantAdapter.set(element.local, { imported: element.imported, local: element.local, typeOnly: site.typeOnly || element.typeOnly || ADAPTER_TYPE_EXPORTS.has(element.imported) });
        editor.remove(element);
      }
    }
  }

  /** `br.BedrockRuntimeClient` → `br.SageMakerRuntimeClient` with the module switched, when every member maps. */
  private planNamespace(site: NamespaceSite): void {
    const uses = referencesTo(this.sourceFile, site.name.text).filter((id) => id !== site.name);
    const members = uses.map((id) => memberOf(id));
    const mappable = (name: string) => SAGEMAKER_RENAMES[name] !== undefined || (ADAPTER_BEDROCK_NAMES.has(name) && this.adapterSpecifier !== undefined);
    const whole = members.every((member) => member && mappable(member.name.text));
    for (const member of members) {
      if (!member) continue;
      const name = member.name.text;
      if (ADAPTER_BEDROCK_NAMES.has(name) && this.adapterSpecifier && !isDeclared(this.sourceFile, name)) {
        this.context.replace(member.node, name);
        this.wantAdapter.set(name, { imported: name, local: name, typeOnly: ADAPTER_TYPE_EXPORTS.has(name) });
      } else if (SAGEMAKER_RENAMES[name]) {
        if (whole) {
          this.context.replace(member.name, SAGEMAKER_RENAMES[name]);
        } else if (!isDeclared(this.sourceFile, SAGEMAKER_RENAMES[name])) {
          this.context.replace(member.node, SAGEMAKER_RENAMES[name]);
          this.wantSageMaker.set(SAGEMAKER_RENAMES[name], { imported: SAGEMAKER_RENAMES[name], local: SAGEMAKER_RENAMES[name], typeOnly: SAGEMAKER_TYPE_EXPORTS.has(SAGEMAKER_RENAMES[name]) });
        }
      }
    }
    const anySageMaker = members.some((member) => member && SAGEMAKER_RENAMES[member.name.text]);
    if (whole && anySageMaker) this.context.replace(site.moduleLiteral, requote(site.moduleLiteral, this.context, SAGEMAKER_RUNTIME_PACKAGE));
  }

  /** Names the rewrites wrote (`InvokeEndpointCommand`, `converseOnSageMaker`...) that nothing declares yet. */
  private wantFreeNames(): void {
    const used = (name: string) => referencesTo(this.sourceFile, name).length > 0 && !isDeclared(this.sourceFile, name);
    for (const name of new Set(Object.values(SAGEMAKER_RENAMES))) {
      if (!this.wantSageMaker.has(name) && used(name)) this.wantSageMaker.set(name, { imported: name, local: name, typeOnly: SAGEMAKER_TYPE_EXPORTS.has(name) || isOnlyTypeUse(this.sourceFile, name) });
    }
    if (!this.adapterSpecifier) return;
    for (const name of ADAPTER_WRITTEN_NAMES) {
      if (!this.wantAdapter.has(name) && used(name)) this.wantAdapter.set(name, { imported: name, local: name, typeOnly: ADAPTER_TYPE_EXPORTS.has(name) });
    }
  }

  private emit(bedrock: readonly ImportSite[]): void {
    const commonJs = usesRequire(this.sourceFile);
    const kind = commonJs ? 'require' : 'es';
    const sageMaker = importSites(this.sourceFile, SAGEMAKER_RUNTIME_PACKAGE).find((site) => site.kind === kind && !site.typeOnly);
    const adapter = this.adapterSpecifier ? importSites(this.sourceFile, this.adapterSpecifier).find((site) => site.kind === kind && !site.typeOnly) : undefined;
    const newStatements: string[] = [];
    // The first Bedrock import with nothing Bedrock left becomes the SageMaker (or adapter) import in place.
    const convertible = bedrock.find((site) => site.kind === kind && this.editor(site).isEmptied
      && (!site.typeOnly || [...this.wantSageMaker.values()].every((name) => name.typeOnly)));
    let sageMakerTarget: ListEditor | undefined = sageMaker && this.editor(sageMaker);
    let adapterTarget: ListEditor | undefined = adapter && this.editor(adapter);
    if (convertible && this.wantSageMaker.size > 0 && !sageMakerTarget) {
      sageMakerTarget = this.editor(convertible);
      this.context.replace(convertible.moduleLiteral, requote(convertible.moduleLiteral, this.context, SAGEMAKER_RUNTIME_PACKAGE));
      // Elements that move to SageMaker stay where they are, renamed.
      const moving = this.movingToSageMaker.get(sageMakerTarget) ?? new Map<string, string>();
      for (const element of convertible.elements) {
        const renamed = moving.get(element.local);
        if (renamed === undefined) continue;
        sageMakerTarget.keep(element, renamed);
        this.wantSageMaker.delete(element.local === element.imported ? renamed : element.local);
      }
    } else if (convertible && this.wantSageMaker.size === 0 && this.wantAdapter.size > 0 && !adapterTarget && this.adapterSpecifier) {
      adapterTarget = this.editor(convertible);
      this.context.replace(convertible.moduleLiteral, requote(convertible.moduleLiteral, this.context, this.adapterSpecifier));
      for (const element of convertible.elements) {
        if (!this.wantAdapter.has(element.local)) continue;
        adapterTarget.keep(element);
        this.wantAdapter.delete(element.local);
      }
    }
    this.addTo(sageMakerTarget, this.wantSageMaker, SAGEMAKER_RUNTIME_PACKAGE, kind, newStatements);
    if (this.wantAdapter.size > 0 && this.adapterSpecifier) {
      this.context.useAdapter();
      this.addTo(adapterTarget, this.wantAdapter, this.adapterSpecifier, kind, newStatements);
    }
    for (const [site, editor] of this.editors) {
      if (editor.isEmptied) deleteStatement(this.context, site.statement);
      else editor.apply(this.context);
    }
    if (newStatements.length > 0) this.insertStatements(bedrock, newStatements);
  }

  private addTo(target: ListEditor | undefined, wanted: Map<string, WantedName>, module: string, kind: 'es' | 'require', out: string[]): void {
    const missing = [...wanted.values()].filter((name) => !target?.has(name.local));
    if (missing.length === 0) return;
    if (target) {
      for (const name of missing) target.add(elementText(name, target.site.kind, this.typescript && !target.site.typeOnly));
    } else {
      out.push(importStatement(this.context, module, missing, kind));
    }
  }

  private insertStatements(bedrock: readonly ImportSite[], statements: readonly string[]): void {
    const eol = this.context.style.eol;
    const anchor = bedrock.find((site) => !this.editor(site).isEmptied)?.statement ?? lastImport(this.sourceFile);
    const text = statements.join(eol);
    if (!anchor) {
      this.context.insert(0, text + eol);
      return;
    }
    const position = endOfLine(this.context.text, anchor.getEnd());
    const lineBreak = this.context.text.charAt(position - 1) === '\n';
    this.context.insert(position, lineBreak ? text + eol : eol + text);
  }
}

/** `ns.Name` (an expression or a type name) around a namespace reference. */
function memberOf(id: ts.Identifier): { node: ts.Node; name: ts.Identifier } | undefined {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === id && ts.isIdentifier(parent.name)) return { node: parent, name: parent.name };
  if (ts.isQualifiedName(parent) && parent.left === id) return { node: parent, name: parent.right };
  return undefined;
}

/** The same quote character as `literal`, with new text. */
function requote(literal: ts.StringLiteralLike, context: FixContext, value: string): string {
  const quote = literal.getText(context.sourceFile).charAt(0);
  return `${quote}${value}${quote}`;
}

/** True when every reference to `name` sits in a type position. */
function isOnlyTypeUse(sourceFile: ts.SourceFile, name: string): boolean {
  return referencesTo(sourceFile, name).every((id) => ts.isTypeReferenceNode(id.parent) || ts.isTypeQueryNode(id.parent) || ts.isQualifiedName(id.parent));
}
