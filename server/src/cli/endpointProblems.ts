// `endpoints` checks the endpoint names the workspace already uses against what it just discovered: the same pure
// validation the language server shows as bedrock/endpoint-validation diagnostics, printed as lines.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { endpointReferencesOf } from '../endpoints/endpointReferencesOf';
import { type EndpointInventory, type EndpointProblemCode, validateEndpointReferences } from '../engine/endpoints/endpointValidation';
import type { EndpointMapping } from '../engine/types';

/** A file to check: a settings file or a script, with the path shown to the user. */
export interface CheckedFile {
  path: string;
  text: string;
  languageId: string;
}

export interface LocatedEndpointProblem {
  file: string;
  /** 1-based, like the scan output. */
  line: number;
  column: number;
  code: EndpointProblemCode;
  endpointName: string;
  inferenceComponentName?: string;
  modelId?: string;
  message: string;
}

export function endpointProblemsOf(files: Iterable<CheckedFile>, inventory: EndpointInventory, mapping: Readonly<Record<string, EndpointMapping>>): LocatedEndpointProblem[] {
  const problems: LocatedEndpointProblem[] = [];
  for (const file of files) {
    const references = endpointReferencesOf(file.text, file.path, file.languageId);
    if (references.length === 0) continue;
    const document = TextDocument.create('file:///checked', file.languageId, 0, file.text);
    for (const problem of validateEndpointReferences(references, inventory, mapping)) {
      const { line, character } = document.positionAt(problem.range.start);
      problems.push({
        file: file.path, line: line + 1, column: character + 1, code: problem.code, endpointName: problem.endpointName,
        ...(problem.inferenceComponentName ? { inferenceComponentName: problem.inferenceComponentName } : {}),
        ...(problem.modelId ? { modelId: problem.modelId } : {}),
        message: problem.message,
      });
    }
  }
  return problems;
}
