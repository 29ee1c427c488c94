// package.json: the `bedrock/dependency` rule and the dependency edits that go with a migration. Pure: text in,
// findings and edits out; reading the file and the lockfiles next to it is the caller's job.
export { analyzePackageJson } from './analyzePackageJson';
export { BEDROCK_RUNTIME_PACKAGE, type BedrockDependency, MIGRATED_PACKAGES, SAGEMAKER_RUNTIME_PACKAGE, bedrockDependency } from '../catalog/bedrockDependency';
export { type DependencyEditOptions, dependencyEdits } from './dependencyEdits';
export { DEPENDENCY_SECTIONS, type DependencyEntry, type DependencySection, readDependencySections } from './dependencySections';
export { isPackageJsonFileName } from './fileName';
export { installCommandFor, installHint, type PackageInstall, packageInstallFor } from './installCommand';
export { packageJsonFixAll, packageJsonFixesForFinding } from './packageJsonFixes';
export { type DependencyFixPlan, WRAPPER_MODULE_IMPORTS, planDependencyFix } from './planDependencyFix';
