import * as l10n from '@vscode/l10n';
import type { Node } from 'web-tree-sitter';
import type { PythonContext, PythonDetector } from '../pythonContext';
import { pythonWrapper } from '../pythonWrappers';
import { children } from '../syntax';

/** Records imported names for the other detectors, and reports Bedrock classes of LangChain and LlamaIndex. */
export const detectImports: PythonDetector = {
  name: 'imports',
  rules: ['bedrock/python-sdk'],
  types: ['import_statement', 'import_from_statement'],
  detect(node, context) {
    if (node.type === 'import_statement') {
      for (const name of node.childrenForFieldName('name')) bindModule(name, context);
      return;
    }
    const moduleName = node.childForFieldName('module_name')?.text;
    if (!moduleName || moduleName.startsWith('.')) return;
    for (const name of node.childrenForFieldName('name')) {
      const imported = name?.type === 'aliased_import' ? name.childForFieldName('name') : name;
      const local = name?.type === 'aliased_import' ? name.childForFieldName('alias') : name;
      if (!imported || !local) continue;
      context.bindings.bind(local.text, { kind: 'import', module: moduleName, name: imported.text });
      reportWrapper(imported, moduleName, imported.text, context);
    }
  },
};

function bindModule(name: Node | null, context: PythonContext): void {
  if (!name) return;
  if (name.type === 'aliased_import') {
    const module = name.childForFieldName('name')?.text;
    const alias = name.childForFieldName('alias')?.text;
    if (module && alias) context.bindings.bind(alias, { kind: 'module', module });
    return;
  }
  // `import boto3.session` binds `boto3`.
  const head = children(name)[0]?.text;
  if (head) context.bindings.bind(head, { kind: 'module', module: head });
}

/** Shared with the call detector: `langchain_aws.ChatBedrock(...)` after `import langchain_aws`. */
export function reportWrapper(node: Node, moduleName: string, className: string, context: PythonContext): void {
  const wrapper = pythonWrapper(moduleName, className);
  if (!wrapper) return;
  const alternative = wrapper.alternative();
  context.report({
    ruleId: 'bedrock/python-sdk',
    range: { start: node.startIndex, end: node.endIndex },
    category: wrapper.category, equivalent: alternative,
    message: l10n.t("'{0}' from {1} calls Amazon Bedrock, which does not exist in {2}. Alternative: {3}.", className, moduleName, context.settings.targetRegion, alternative),
    data: { kind: wrapper.library, module: moduleName, className },
  });
}
