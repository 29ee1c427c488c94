import ts from '../typescript';
import {
  AWS_SDK_V2, BEDROCK_ONLY_WRAPPER_MODULES, OPENAI_PACKAGE, bedrockSdkPackage, isWrapperModule,
  v2ClassForClientsModule, wrapperExport,
} from '../catalog/packages';
import { dynamicImportModule, propertyNameText, requiredModule, skipOuterExpressions } from './parse';

// A syntactic, per-file symbol tracker. It answers "what does this expression denote?" for the
// handful of things the detectors care about (a Bedrock module, one of its exports, an instance of
// one of its classes), following aliases, destructuring, require, dynamic import, helper functions
// and class members, with lexical scoping so a local `invokeModel` or `BedrockError` stays opaque.

export type Meaning =
  /** The module object of a tracked package (`import * as br`, `require(...)`, `await import(...)`). */
  | { kind: 'module'; module: string }
  /** A named export of a tracked package (class, function or value). */
  | { kind: 'export'; module: string; name: string }
  /** The result of `new <export>(...)` or of calling a factory export. */
  | { kind: 'instance'; module: string; name: string }
  /** A local function or method; calling it yields what its return statements yield. */
  | { kind: 'function'; node: ts.SignatureDeclaration }
  /** An object literal; its members are looked up by name (`const deps = { runtime: new BedrockRuntime() }`). */
  | { kind: 'object'; node: ts.ObjectLiteralExpression };

interface Declaration {
  node: ts.Node;
  resolve(): Meaning | undefined;
}

/** An `x = value` assignment to a plain name. */
interface Assignment {
  target: ts.Identifier;
  value: ts.Expression;
}

/**
 * The top-level statement whose nodes a `collect` records (the incremental analysis names it, so that it can forget
 * them when the statement goes away); undefined when the whole file is collected at once, in document order.
 */
type Owner = ts.Statement | undefined;

/** What one owner recorded, so that `forget` can take it back out. */
interface OwnerRecords {
  /** Names it declared in the file's scope. */
  fileNames: Set<string>;
  assignedNames: Set<string>;
  /** Names and inner scopes it declared in (scopes under a statement belong to it alone). */
  scoped: Array<{ name: string; scope: ts.Node }>;
  classes: Set<ts.ClassLikeDeclaration>;
}

export function isTrackedModule(specifier: string): boolean {
  return Boolean(bedrockSdkPackage(specifier)) || specifier === AWS_SDK_V2 || Boolean(v2ClassForClientsModule(specifier))
    || specifier in BEDROCK_ONLY_WRAPPER_MODULES || isWrapperModule(specifier) || specifier === OPENAI_PACKAGE;
}

/** What `require(m)` / `import * as x from m` denotes: SDK v2 per-service modules are the class itself. */
function moduleMeaning(specifier: string): Meaning | undefined {
  if (!isTrackedModule(specifier)) return undefined;
  const v2Class = v2ClassForClientsModule(specifier);
  if (v2Class) return { kind: 'export', module: AWS_SDK_V2, name: v2Class };
  return { kind: 'module', module: specifier };
}

/** What a default import denotes. */
function defaultImportMeaning(specifier: string): Meaning | undefined {
  if (specifier === OPENAI_PACKAGE) return { kind: 'export', module: OPENAI_PACKAGE, name: 'OpenAI' };
  return moduleMeaning(specifier);
}

/** The node kinds `Bindings.collect` records; every other node is ignored by it. */
export const BINDING_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.ImportDeclaration, ts.SyntaxKind.ImportEqualsDeclaration, ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.ClassDeclaration, ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.Parameter, ts.SyntaxKind.BinaryExpression,
]);

export class Bindings {
  /**
   * Told every name that other top-level statements can see: declared in the file's scope, or assigned
   * (`x = ...` may assign an outer variable). The incremental analysis tracks dependencies between statements with it.
   */
  onVisibleName: ((name: string) => void) | undefined;
  /**
   * Called before anything inside `node` is resolved. The incremental analysis records only what other statements
   * can see up front, and a top-level statement's inner declarations when a resolution first enters it.
   */
  beforeResolving: ((node: ts.Node) => void) | undefined;

  /**
   * Declarations by name, then by inner scope (the first declaration of a name in a scope wins, like `var`
   * redeclaration). Those in the file's scope are apart, by owner: the file's node changes with every version of an
   * incrementally parsed file while the statements declaring in it stay.
   */
  private readonly declarations = new Map<string, Map<ts.Node, Declaration>>();
  private readonly fileDeclarations = new Map<string, Map<Owner, Declaration>>();
  /** `x = value` assignments by name, then by owner, for variables declared without an initializer. */
  private readonly assignments = new Map<string, Map<Owner, Assignment[]>>();
  /** `this.x = value` assignments per class. */
  private readonly memberAssignments = new Map<ts.ClassLikeDeclaration, Map<string, ts.Expression[]>>();
  private readonly records = new Map<ts.Statement, OwnerRecords>();
  // What resolving found, valid for one version of the file (`newVersion`).
  private assignmentsByDeclaration = new Map<string, Map<ts.Node, ts.Expression[]>>();
  private memo = new Map<ts.Node, Meaning | null>();
  private resolving = new Set<ts.Node>();
  /** The owner of the nodes being collected. */
  private owner: Owner;

  /**
   * Records whatever `node` declares or assigns. Called once per node, in document order within its owner (the
   * top-level statement it lies in, for an incremental analysis that records and forgets statement by statement).
   */
  collect(node: ts.Node, owner?: ts.Statement): void {
    this.owner = owner;
    switch (node.kind) {
      case ts.SyntaxKind.ImportDeclaration:
        return this.collectImport(node as ts.ImportDeclaration);
      case ts.SyntaxKind.ImportEqualsDeclaration:
        return this.collectImportEquals(node as ts.ImportEqualsDeclaration);
      case ts.SyntaxKind.VariableDeclaration:
        return this.collectVariable(node as ts.VariableDeclaration);
      case ts.SyntaxKind.FunctionDeclaration:
        return this.collectFunction(node as ts.FunctionDeclaration);
      case ts.SyntaxKind.ClassDeclaration: {
        // A subclass of a Bedrock class is that class for our purposes: `new MyChat()` constructs a Bedrock client.
        const cls = node as ts.ClassDeclaration;
        if (cls.name) this.declare(cls.name.text, node.parent, node, () => this.baseClassOf(cls));
        return;
      }
      case ts.SyntaxKind.EnumDeclaration:
        this.declare((node as ts.EnumDeclaration).name.text, node.parent, node, () => undefined);
        return;
      case ts.SyntaxKind.Parameter:
        return this.collectParameter(node as ts.ParameterDeclaration);
      case ts.SyntaxKind.BinaryExpression:
        return this.collectAssignment(node as ts.BinaryExpression);
    }
  }

  /**
   * Takes back everything `owner` recorded (a top-level statement gone from the file). What was resolved is kept
   * until `newVersion`.
   */
  forget(owner: ts.Statement): void {
    const records = this.records.get(owner);
    if (!records) return;
    this.records.delete(owner);
    for (const name of records.fileNames) {
      const byOwner = this.fileDeclarations.get(name);
      if (byOwner?.delete(owner) && byOwner.size === 0) this.fileDeclarations.delete(name);
    }
    for (const name of records.assignedNames) {
      const byOwner = this.assignments.get(name);
      if (byOwner?.delete(owner) && byOwner.size === 0) this.assignments.delete(name);
    }
    for (const { name, scope } of records.scoped) {
      const byScope = this.declarations.get(name);
      if (byScope?.delete(scope) && byScope.size === 0) this.declarations.delete(name);
    }
    for (const cls of records.classes) this.memberAssignments.delete(cls);
  }

  /**
   * Forgets what was resolved: the file changed (statements forgotten or recorded since), so a meaning found before
   * may be another now. The recorded declarations stay.
   */
  newVersion(): void {
    this.memo = new Map();
    this.resolving = new Set();
    this.assignmentsByDeclaration = new Map();
  }

  /** What `expression` denotes, or undefined when it is nothing the engine tracks. */
  meaningOf(expression: ts.Expression): Meaning | undefined {
    const node = skipOuterExpressions(expression);
    const cached = this.memo.get(node);
    if (cached !== undefined) return cached ?? undefined;
    if (this.resolving.has(node)) return undefined; // recursion through helpers: give up on the cycle
    this.beforeResolving?.(node);
    this.resolving.add(node);
    try {
      const meaning = this.compute(node);
      this.memo.set(node, meaning ?? null);
      return meaning;
    } finally {
      this.resolving.delete(node);
    }
  }

  /** What a type annotation such as `BedrockRuntimeClient` or `br.BedrockRuntimeClient` names (as an instance). */
  meaningOfType(type: ts.TypeNode | undefined): Meaning | undefined {
    if (type && ts.isParenthesizedTypeNode(type)) return this.meaningOfType(type.type);
    // `BedrockRuntime | undefined`, `BedrockRuntime | null`: the tracked member decides.
    if (type && (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type))) {
      for (const member of type.types) {
        const meaning = this.meaningOfType(member);
        if (meaning) return meaning;
      }
      return undefined;
    }
    if (!type || !ts.isTypeReferenceNode(type)) return undefined;
    const target = this.meaningOfEntityName(type.typeName);
    return target?.kind === 'export' ? { kind: 'instance', module: target.module, name: target.name } : undefined;
  }

  /** The declaration an identifier refers to at its position, following lexical scopes outward. */
  lookup(identifier: ts.Identifier): Meaning | undefined {
    const declaration = this.declarationOf(identifier);
    return declaration && this.resolveDeclaration(declaration);
  }

  /**
   * Values assigned to the variable `declaration` declares. Only assignments to this variable count: another
   * function's `let r; r = ...` is a different `r`. Grouped once per name, so a minified bundle with thousands of
   * `e=...` assignments stays linear.
   */
  private assignedValues(name: string, declaration: ts.Node): readonly ts.Expression[] {
    let byDeclaration = this.assignmentsByDeclaration.get(name);
    if (!byDeclaration) {
      byDeclaration = new Map<ts.Node, ts.Expression[]>();
      for (const assignments of inDocumentOrder(this.assignments.get(name))) {
        for (const { target, value } of assignments) {
          const owner = this.declarationOf(target)?.node;
          if (!owner) continue;
          const list = byDeclaration.get(owner);
          if (list) list.push(value);
          else byDeclaration.set(owner, [value]);
        }
      }
      this.assignmentsByDeclaration.set(name, byDeclaration);
    }
    return byDeclaration.get(declaration) ?? [];
  }

  private declarationOf(identifier: ts.Identifier): Declaration | undefined {
    this.beforeResolving?.(identifier);
    const byScope = this.declarations.get(identifier.text);
    const inFile = this.fileDeclarations.get(identifier.text);
    if (!byScope && !inFile) return undefined;
    // One map probe per enclosing node: a minified bundle declares the same short name thousands of times.
    for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
      if (scope.kind === ts.SyntaxKind.SourceFile) return inFile && firstInDocument(inFile);
      const declaration = byScope?.get(scope);
      if (declaration) return declaration;
    }
    return undefined;
  }

  private resolveDeclaration(declaration: Declaration): Meaning | undefined {
    const cached = this.memo.get(declaration.node);
    if (cached !== undefined) return cached ?? undefined;
    if (this.resolving.has(declaration.node)) return undefined;
    this.beforeResolving?.(declaration.node); // what it denotes may be the declaration itself (a helper function)
    this.resolving.add(declaration.node);
    try {
      const meaning = declaration.resolve();
      this.memo.set(declaration.node, meaning ?? null);
      return meaning;
    } finally {
      this.resolving.delete(declaration.node);
    }
  }

  private compute(node: ts.Expression): Meaning | undefined {
    if (ts.isIdentifier(node)) return this.lookup(node);
    if (ts.isPropertyAccessExpression(node)) return this.memberOf(node.expression, node.name.text);
    if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      return this.memberOf(node.expression, node.argumentExpression.text);
    }
    if (ts.isCallExpression(node)) return this.callResult(node);
    if (ts.isNewExpression(node)) {
      const target = this.meaningOf(node.expression);
      return target?.kind === 'export' ? { kind: 'instance', module: target.module, name: target.name } : undefined;
    }
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return { kind: 'function', node };
    if (ts.isObjectLiteralExpression(node)) return { kind: 'object', node };
    if (node.kind === ts.SyntaxKind.ThisKeyword) return this.thisInstance(node);
    if (ts.isConditionalExpression(node)) return this.meaningOf(node.whenTrue) ?? this.meaningOf(node.whenFalse);
    if (ts.isBinaryExpression(node) && isDefaultingOperator(node.operatorToken.kind)) {
      return this.meaningOf(node.left) ?? this.meaningOf(node.right);
    }
    return undefined;
  }

  private memberOf(objectExpression: ts.Expression, name: string): Meaning | undefined {
    const object = skipOuterExpressions(objectExpression);
    if (object.kind === ts.SyntaxKind.ThisKeyword) return this.classMember(object, name);
    const owner = this.meaningOf(object);
    if (owner?.kind === 'object') return this.objectMember(owner.node, name);
    if (owner?.kind === 'module') {
      // `(await import('x')).default` and `require('x').default` are the module itself under CJS interop.
      if (name === 'default') return owner.module === OPENAI_PACKAGE ? { kind: 'export', module: OPENAI_PACKAGE, name: 'OpenAI' } : owner;
      return { kind: 'export', module: owner.module, name };
    }
    return undefined;
  }

  private callResult(call: ts.CallExpression): Meaning | undefined {
    const required = requiredModule(call) ?? dynamicImportModule(call);
    if (required !== undefined) return moduleMeaning(required);
    const callee = this.meaningOf(call.expression);
    if (!callee) return undefined;
    if (callee.kind === 'function') return this.returnedMeaning(callee.node);
    if (callee.kind === 'export' && wrapperExport(callee.module, callee.name)?.shape === 'factory') {
      return { kind: 'instance', module: callee.module, name: callee.name };
    }
    return undefined;
  }

  private returnedMeaning(fn: ts.SignatureDeclaration): Meaning | undefined {
    for (const expression of returnedExpressions(fn)) {
      const meaning = this.meaningOf(expression);
      if (meaning) return meaning;
    }
    return this.meaningOfType(fn.type);
  }

  /** `this` in a class that extends a Bedrock class (`class Chat extends BedrockRuntime`) is an instance of it. */
  private thisInstance(thisNode: ts.Node): Meaning | undefined {
    const owner = thisOwner(thisNode);
    if (!owner || !ts.isClassLike(owner)) return undefined;
    const base = this.baseClassOf(owner);
    return base?.kind === 'export' ? { kind: 'instance', module: base.module, name: base.name } : undefined;
  }

  /** What `class X extends <expression>` extends, when it is something tracked. */
  private baseClassOf(cls: ts.ClassLikeDeclaration): Meaning | undefined {
    const heritage = cls.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    return heritage ? this.meaningOf(heritage.expression) : undefined;
  }

  private objectMember(object: ts.ObjectLiteralExpression, name: string): Meaning | undefined {
    // The last property of a name wins, as at run time.
    for (let i = object.properties.length - 1; i >= 0; i--) {
      const property = object.properties[i];
      if (propertyNameText(property.name) !== name) continue;
      if (ts.isPropertyAssignment(property)) return this.meaningOf(property.initializer);
      if (ts.isShorthandPropertyAssignment(property)) return this.lookup(property.name);
      if (ts.isMethodDeclaration(property)) return { kind: 'function', node: property };
      if (ts.isGetAccessorDeclaration(property)) return this.returnedMeaning(property);
      return undefined;
    }
    return undefined;
  }

  private classMember(thisNode: ts.Node, name: string): Meaning | undefined {
    const owner = thisOwner(thisNode);
    if (owner && ts.isObjectLiteralExpression(owner)) return this.objectMember(owner, name);
    const cls = owner;
    if (!cls) return undefined;
    for (const member of cls.members) {
      if (propertyNameText(member.name) !== name) continue;
      if (ts.isPropertyDeclaration(member)) {
        return (member.initializer && this.meaningOf(member.initializer)) ?? this.meaningOfType(member.type) ?? this.assignedToMember(cls, name);
      }
      // Reading a getter runs it: `this.client` denotes what `get client()` returns.
      if (ts.isGetAccessorDeclaration(member)) return this.returnedMeaning(member);
      if (ts.isMethodDeclaration(member)) return { kind: 'function', node: member };
    }
    const ctor = cls.members.find(ts.isConstructorDeclaration);
    const parameterProperty = ctor?.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name && p.modifiers?.length);
    if (parameterProperty) return this.meaningOfType(parameterProperty.type);
    return this.assignedToMember(cls, name);
  }

  private assignedToMember(cls: ts.ClassLikeDeclaration, name: string): Meaning | undefined {
    for (const value of this.memberAssignments.get(cls)?.get(name) ?? []) {
      const meaning = this.meaningOf(value);
      if (meaning) return meaning;
    }
    return undefined;
  }

  private meaningOfEntityName(name: ts.EntityName): Meaning | undefined {
    if (ts.isIdentifier(name)) return this.lookup(name);
    const owner = this.meaningOfEntityName(name.left);
    return owner?.kind === 'module' ? { kind: 'export', module: owner.module, name: name.right.text } : undefined;
  }

  // ---- collection ----

  private declare(name: string, scope: ts.Node, node: ts.Node, resolve: () => Meaning | undefined): void {
    const owner = this.owner;
    if (scope.kind === ts.SyntaxKind.SourceFile) {
      this.onVisibleName?.(name);
      let byOwner = this.fileDeclarations.get(name);
      if (!byOwner) {
        byOwner = new Map<Owner, Declaration>();
        this.fileDeclarations.set(name, byOwner);
      }
      if (byOwner.has(owner)) return;
      byOwner.set(owner, { node, resolve });
      this.recordsOf(owner)?.fileNames.add(name);
      return;
    }
    let byScope = this.declarations.get(name);
    if (!byScope) {
      byScope = new Map<ts.Node, Declaration>();
      this.declarations.set(name, byScope);
    }
    if (byScope.has(scope)) return;
    byScope.set(scope, { node, resolve });
    this.recordsOf(owner)?.scoped.push({ name, scope });
  }

  private recordsOf(owner: Owner): OwnerRecords | undefined {
    if (!owner) return undefined;
    let records = this.records.get(owner);
    if (!records) {
      records = { fileNames: new Set(), assignedNames: new Set(), scoped: [], classes: new Set() };
      this.records.set(owner, records);
    }
    return records;
  }

  private collectImport(node: ts.ImportDeclaration): void {
    if (!ts.isStringLiteral(node.moduleSpecifier) || !node.importClause) return;
    const specifier = node.moduleSpecifier.text;
    if (!isTrackedModule(specifier)) return;
    const scope = node.parent;
    const clause = node.importClause;
    if (clause.name) this.declare(clause.name.text, scope, clause, () => defaultImportMeaning(specifier));
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) {
      this.declare(bindings.name.text, scope, bindings, () => moduleMeaning(specifier));
    } else if (bindings) {
      for (const element of bindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        this.declare(element.name.text, scope, element, () => this.exportOf(specifier, imported));
      }
    }
  }

  private exportOf(specifier: string, name: string): Meaning | undefined {
    const owner = moduleMeaning(specifier);
    if (owner?.kind !== 'module') return name === 'default' ? owner : undefined;
    return name === 'default' ? defaultImportMeaning(specifier) : { kind: 'export', module: owner.module, name };
  }

  private collectImportEquals(node: ts.ImportEqualsDeclaration): void {
    if (!ts.isExternalModuleReference(node.moduleReference)) return;
    const expression = node.moduleReference.expression;
    if (!ts.isStringLiteral(expression)) return;
    const specifier = expression.text;
    this.declare(node.name.text, node.parent, node, () => moduleMeaning(specifier));
  }

  private collectVariable(node: ts.VariableDeclaration): void {
    const scope = variableScope(node);
    const initializer = node.initializer;
    if (ts.isIdentifier(node.name)) {
      const name = node.name.text;
      this.declare(name, scope, node, () => {
        const fromInitializer = initializer && !isNullish(initializer) ? this.meaningOf(initializer) : undefined;
        if (fromInitializer) return fromInitializer;
        for (const value of this.assignedValues(name, node)) {
          const meaning = this.meaningOf(value);
          if (meaning) return meaning;
        }
        return this.meaningOfType(node.type);
      });
      return;
    }
    if (ts.isObjectBindingPattern(node.name)) {
      for (const element of node.name.elements) {
        if (!ts.isIdentifier(element.name)) continue;
        const property = propertyNameText(element.propertyName) ?? element.name.text;
        this.declare(element.name.text, scope, element, () => {
          const owner = initializer ? this.meaningOf(initializer) : undefined;
          return owner?.kind === 'module' ? this.exportOf(owner.module, property) : undefined;
        });
      }
      return;
    }
    for (const element of node.name.elements) {
      if (ts.isBindingElement(element) && ts.isIdentifier(element.name)) this.declare(element.name.text, scope, element, () => undefined);
    }
  }

  private collectFunction(node: ts.FunctionDeclaration): void {
    if (node.name) this.declare(node.name.text, node.parent, node, () => ({ kind: 'function', node }));
  }

  private collectParameter(node: ts.ParameterDeclaration): void {
    const resolved = promiseResolution(node);
    if (!ts.isIdentifier(node.name)) {
      const pattern = node.name;
      for (const element of pattern.elements) {
        if (!ts.isBindingElement(element) || !ts.isIdentifier(element.name)) continue;
        const property = propertyNameText(element.propertyName) ?? element.name.text;
        this.declare(element.name.text, node.parent, element, () => {
          if (!resolved || !ts.isObjectBindingPattern(pattern)) return undefined;
          const owner = this.meaningOf(resolved);
          return owner?.kind === 'module' ? this.exportOf(owner.module, property) : undefined;
        });
      }
      return;
    }
    const initializer = node.initializer; // `client = new BedrockRuntime()` as a default value
    this.declare(node.name.text, node.parent, node, () => (resolved && this.meaningOf(resolved))
      ?? (initializer && this.meaningOf(initializer)) ?? this.meaningOfType(node.type));
  }

  private collectAssignment(node: ts.BinaryExpression): void {
    if (!isAssignmentOperator(node.operatorToken.kind)) return;
    const target = skipOuterExpressions(node.left);
    if (ts.isIdentifier(target)) {
      const name = target.text;
      this.onVisibleName?.(name);
      let byOwner = this.assignments.get(name);
      if (!byOwner) {
        byOwner = new Map<Owner, Assignment[]>();
        this.assignments.set(name, byOwner);
      }
      const list = byOwner.get(this.owner);
      if (list) list.push({ target, value: node.right });
      else byOwner.set(this.owner, [{ target, value: node.right }]);
      this.recordsOf(this.owner)?.assignedNames.add(name);
    } else if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = enclosingClass(target);
      if (!cls) return;
      const members = this.memberAssignments.get(cls) ?? new Map<string, ts.Expression[]>();
      this.memberAssignments.set(cls, members);
      this.recordsOf(this.owner)?.classes.add(cls);
      const list = members.get(target.name.text);
      if (list) list.push(node.right);
      else members.set(target.name.text, [node.right]);
    }
  }
}

/**
 * The entries of a by-owner map in the document order of their owners (a statement's `pos` is exact even while the
 * nodes under it lag, shiftNodes.ts): the first declaration in the file wins, and assignments are tried in order.
 */
function inDocumentOrder<T>(byOwner: ReadonlyMap<Owner, T> | undefined): T[] {
  if (!byOwner) return [];
  if (byOwner.size === 1) return [...byOwner.values()];
  return [...byOwner].sort(([a], [b]) => (a?.pos ?? 0) - (b?.pos ?? 0)).map(([, value]) => value);
}

/** `inDocumentOrder(byOwner)[0]` without sorting (looked up for every name resolved in the file's scope). */
function firstInDocument<T>(byOwner: ReadonlyMap<Owner, T>): T | undefined {
  let first: T | undefined;
  let firstPos = Infinity;
  for (const [owner, value] of byOwner) {
    const pos = owner?.pos ?? 0;
    if (pos < firstPos) {
      first = value;
      firstPos = pos;
    }
  }
  return first;
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsToken || kind === ts.SyntaxKind.QuestionQuestionEqualsToken || kind === ts.SyntaxKind.BarBarEqualsToken;
}

function isDefaultingOperator(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.BarBarToken;
}

function isNullish(node: ts.Expression): boolean {
  return node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined');
}

/** let/const/class live in the nearest block; var lives in the nearest function (or the file). */
function variableScope(node: ts.VariableDeclaration): ts.Node {
  const list = node.parent;
  const blockScoped = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.BlockScoped) !== 0;
  if (ts.isCatchClause(list)) return list;
  let scope: ts.Node = ts.isVariableDeclarationList(list) ? list.parent : list;
  // `for (const x of y)`: the loop is the scope; `const x = ...;` statement: its block is.
  if (ts.isVariableStatement(scope)) scope = scope.parent;
  if (blockScoped) return scope;
  for (let current: ts.Node | undefined = scope; current; current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isSourceFile(current)) return current;
  }
  return scope;
}

export function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  const owner = thisOwner(node);
  return owner && ts.isClassLike(owner) ? owner : undefined;
}

/**
 * What `this` denotes at a node: the enclosing class, or the object literal whose method (`ask() {}`,
 * `ask: function () {}`, a getter) contains it. Arrow functions keep the outer `this`; other functions rebind it.
 */
function thisOwner(node: ts.Node): ts.ClassLikeDeclaration | ts.ObjectLiteralExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
    if (ts.isMethodDeclaration(current) || ts.isAccessor(current)) {
      if (ts.isObjectLiteralExpression(current.parent)) return current.parent;
      continue; // a class method: keep walking up to the class
    }
    if (ts.isFunctionExpression(current)) {
      const property = current.parent;
      return ts.isPropertyAssignment(property) && ts.isObjectLiteralExpression(property.parent) ? property.parent : undefined;
    }
    if (ts.isFunctionDeclaration(current)) return undefined;
  }
  return undefined;
}

/**
 * True when calling `fn` denotes nothing the engine tracks, whatever the rest of the file says: its return type and
 * every expression it returns are of kinds `meaningOfType` and `compute` give up on without looking anything up
 * (literals, arithmetic, comparisons, `&&`...). Kept in step with them: the incremental analysis does not re-run
 * the statements that call a function whose body changed when this holds before and after (staleStatements.ts).
 */
export function returnsNothingTracked(fn: ts.FunctionDeclaration): boolean {
  if (fn.type && !isUntrackedType(fn.type)) return false;
  return returnedExpressions(fn).every(isUntrackedReturn);
}

/**
 * True when every `return` among these statements (and the statements inside them, as `returnedExpressions` walks
 * them) returns an expression `isUntrackedReturn` accepts: what typing a run of statements into a function adds to
 * what it can return (quietFunction.ts).
 */
export function returnsNothingTrackedIn(statements: readonly ts.Statement[]): boolean {
  return returnedBy(statements.slice(), []).every(isUntrackedReturn);
}

function isUntrackedReturn(expression: ts.Expression): boolean {
  const inner = skipOuterExpressions(expression);
  return UNTRACKED_EXPRESSIONS.has(inner.kind)
    || (ts.isBinaryExpression(inner) && !isDefaultingOperator(inner.operatorToken.kind));
}

/** Expressions `compute` gives no meaning to at once (a binary one too, unless it is `??` or `||`). */
const UNTRACKED_EXPRESSIONS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.NumericLiteral, ts.SyntaxKind.BigIntLiteral, ts.SyntaxKind.StringLiteral, ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.RegularExpressionLiteral, ts.SyntaxKind.TemplateExpression, ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword, ts.SyntaxKind.PrefixUnaryExpression, ts.SyntaxKind.PostfixUnaryExpression, ts.SyntaxKind.TypeOfExpression,
  ts.SyntaxKind.VoidExpression, ts.SyntaxKind.DeleteExpression, ts.SyntaxKind.ArrayLiteralExpression,
]);

/** A type `meaningOfType` gives no meaning to at once: no type reference in it, nor in the members of a union. */
function isUntrackedType(type: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(type)) return isUntrackedType(type.type);
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.every(isUntrackedType);
  return !ts.isTypeReferenceNode(type);
}

/**
 * The expressions a function can return (its expression body, or its `return x` statements, not nested functions').
 * A `return` is a statement, so only statements are walked, never the expressions in them (a `return` inside an
 * expression belongs to a nested function): this runs on each keystroke typed in a function (quietFunction.ts).
 */
export function returnedExpressions(fn: ts.SignatureDeclaration): ts.Expression[] {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body];
  return returnedBy([body], []);
}

/** The expressions the `return` statements among `stack` and the statements inside them return, added to `results`. */
function returnedBy(stack: ts.Statement[], results: ts.Expression[]): ts.Expression[] {
  while (stack.length > 0) {
    const statement = stack.pop()!;
    if (ts.isReturnStatement(statement)) {
      if (statement.expression) results.push(statement.expression);
    } else {
      pushInnerStatements(statement, stack);
    }
  }
  return results;
}

/** The statements directly inside a statement (blocks, branches, loop bodies, try/catch/finally, switch clauses). */
function pushInnerStatements(statement: ts.Statement, stack: ts.Statement[]): void {
  if (ts.isBlock(statement)) stack.push(...statement.statements);
  else if (ts.isIfStatement(statement)) {
    stack.push(statement.thenStatement);
    if (statement.elseStatement) stack.push(statement.elseStatement);
  } else if (ts.isIterationStatement(statement, false) || ts.isLabeledStatement(statement) || ts.isWithStatement(statement)) {
    stack.push(statement.statement);
  } else if (ts.isTryStatement(statement)) {
    stack.push(statement.tryBlock);
    if (statement.catchClause) stack.push(statement.catchClause.block);
    if (statement.finallyBlock) stack.push(statement.finallyBlock);
  } else if (ts.isSwitchStatement(statement)) {
    for (const clause of statement.caseBlock.clauses) stack.push(...clause.statements);
  }
}

/**
 * `import('x').then((mod) => ...)` / `.then(({ ConverseCommand }) => ...)`: the first parameter of a callback given
 * to `.then` receives what the promise resolves to, which for the engine is the promise expression's meaning.
 */
function promiseResolution(parameter: ts.ParameterDeclaration): ts.Expression | undefined {
  const fn = parameter.parent;
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters[0] !== parameter) return undefined;
  const call = fn.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn || !ts.isPropertyAccessExpression(call.expression)) return undefined;
  return call.expression.name.text === 'then' ? call.expression.expression : undefined;
}
