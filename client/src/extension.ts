// VS Code client entry point (placeholder; see issue "Foundation").
export function activate(): void {}
export function deactivate(): void {}
