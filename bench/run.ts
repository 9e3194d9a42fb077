// `npm run bench`: every benchmark, each printing its figures next to a baseline measured in the same run.
// Speed and memory targets live here, not in timed tests.

const suites: { name: string; module: string }[] = [
  { name: 'item search (autocomplete)', module: './items.ts' },
  { name: 'effect search (/search)', module: './effects.ts' },
  { name: 'character store', module: './store.ts' },
  { name: 'charts', module: './charts.ts' },
  { name: 'game data (compiler and files)', module: './data.ts' },
  { name: 'attack rating (weapons)', module: './weapons.ts' },
  { name: 'start-up, memory and throughput: gateway and HTTP interactions', module: './start.ts' },
  { name: 'enemies and farming spots', module: './farming.ts' },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const suite of suites) {
    if (only.length && !only.some((word) => suite.name.includes(word) || suite.module.includes(word))) continue;
    process.stdout.write(`\n### ${suite.name}\n`);
    const module = (await import(suite.module)) as { run?: () => Promise<unknown> };
    if (typeof module.run !== 'function') throw new Error(`${suite.module} does not export run()`);
    await module.run();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
