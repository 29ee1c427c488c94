import * as vscode from 'vscode';
import { Commands } from '../../../shared/protocol';
import type { ServerHandle } from '../client';
import { EndpointsCommands } from '../../../shared/endpointsProtocol';
import { connectEndpoints } from './connectEndpoints';
import { explainRule } from './explainRule';
import { migrateFile } from './migrateFile';
import { registerReportCommands } from './reportCommands';
import { restartServer } from './restartServer';
import { saveCreatedFiles } from './saveCreatedFiles';
import { showOutput } from './showOutput';

/** Every command in package.json `contributes.commands`, registered before the server starts. */
export function registerCommands(server: ServerHandle, output: vscode.OutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.restartServer, restartServer(server, output)),
    vscode.commands.registerCommand(Commands.showOutput, showOutput(output)),
    vscode.commands.registerCommand(Commands.explainRule, explainRule()),
    vscode.commands.registerCommand(Commands.migrateFile, migrateFile(server)),
    vscode.commands.registerCommand(Commands.saveCreatedFiles, saveCreatedFiles()),
    registerReportCommands(server),
    vscode.commands.registerCommand(EndpointsCommands.connect, connectEndpoints(server)),
  );
}
