// package.json: the `bedrock/dependency` rule and the dependency edits that go with a migration. Pure: text in,
// findings and edits out; reading the file and the lockfiles next to it is the caller's job.
export { analyzePackageJson } from './analyzePackageJson';
export { BEDROCK_RUNTIME_PACKAGE, type BedrockDependency, bedrockDependency } from '../catalog/bedrockDependency';
export { type DependencyEditOptions, dependencyEdits } from './dependencyEdits';
export { DEPENDENCY_SECTIONS, type DependencyEntry, type DependencySection, readDependencySections } from './dependencySections';
export { isPackageJsonFileName } from './fileName';
export { installCommandFor, installHint } from './installCommand';
export { packageJsonFixAll, packageJsonFixesForFinding } from './packageJsonFixes';
export { type DependencyFixPlan, planDependencyFix } from './planDependencyFix';
