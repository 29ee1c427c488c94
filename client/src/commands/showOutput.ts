import type * as vscode from 'vscode';

export function showOutput(output: vscode.OutputChannel) {
  return (): void => output.show(true);
}
