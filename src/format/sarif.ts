/** SARIF 2.1.0, for code scanning. */
import type { LintResult } from '../core/lint.ts';
import type { Rule } from '../core/rules/index.ts';

export function formatSarif(results: readonly LintResult[], rules: readonly Rule[], version: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gitops-okr',
            version,
            informationUri: 'https://github.com/gitops-okr/gitops-okr',
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.criterion },
              defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        results: results.flatMap((result) =>
          result.messages.map((message) => ({
            ruleId: message.ruleId,
            ...(ruleIndex.has(message.ruleId) ? { ruleIndex: ruleIndex.get(message.ruleId) } : {}),
            level: message.severity === 2 ? 'error' : 'warning',
            message: { text: message.hint ? `${message.message}. ${message.hint}` : message.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(result.path) },
                  region: { startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
