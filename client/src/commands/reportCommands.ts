import * as vscode from 'vscode';
import { Commands } from '../../../shared/protocol';
import { ReportCommands } from '../../../shared/reportProtocol';
import type { ServerHandle } from '../client';
import { migrateWorkspace } from './migrateWorkspace';
import { exportReport, generateReport } from './reportGenerate';
import { ReportProblems } from './reportProblems';

/** The workspace report's commands: generate, export (JSON, SARIF), clear its Problems entries, migrate. */
export function registerReportCommands(server: ServerHandle): vscode.Disposable {
  const problems = new ReportProblems();
  return vscode.Disposable.from(
    problems,
    vscode.commands.registerCommand(Commands.generateReport, generateReport(server, problems)),
    vscode.commands.registerCommand(ReportCommands.exportJson, exportReport(server, 'json')),
    vscode.commands.registerCommand(ReportCommands.exportSarif, exportReport(server, 'sarif')),
    vscode.commands.registerCommand(ReportCommands.clearProblems, () => problems.clear()),
    vscode.commands.registerCommand(Commands.migrateWorkspace, migrateWorkspace(server)),
  );
}
