/**
 * Ends every test run with one plain line, `N passed, N failed` (and skipped,
 * when any), that any tool reading the output can count. A test file that
 * failed (a `beforeAll` that threw, an import that failed) counts its tests
 * that did not pass as failed, or itself once when it has none; a temp folder a
 * test left behind counts as a failure too.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { leftBehind } from './temp-folder.ts';

export default class TotalsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      const failedModule = module.state() === 'failed';
      const tests = [...module.children.allTests()];
      for (const test of tests) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        // In a file that failed, a test that did not pass never ran: it failed with its file.
        else if (state === 'failed' || failedModule) counts.failed++;
        else if (state === 'skipped') counts.skipped++;
      }
      if (failedModule && tests.length === 0) counts.failed++;
    }
    const left = leftBehind();
    if (left.length > 0) {
      counts.failed += left.length;
      process.stdout.write(`\nTemp folders left behind by the tests (each counts as a failure): ${left.join(', ')}\n`);
      process.exitCode = 1;
    }
    const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed${skipped}\n`);
  }
}
