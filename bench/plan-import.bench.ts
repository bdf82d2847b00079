// Time to parse the seed plan (ke-hoach-phoi-hop-2022.txt) with parsePlanText.
// Run: npx tsx bench/plan-import.bench.ts [runs]   (default 200 runs after 50 warm-up runs)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parsePlanText } from '../src/server/modules/plan-import/plan-text-parser';

const BAR_MS = 200;
const WARM_UP = 50;
const runs = Number(process.argv[2] ?? 200);

const seedUrl = new URL('../src/server/modules/plan-import/fixtures/ke-hoach-phoi-hop-2022.txt', import.meta.url);
const seed = readFileSync(seedUrl, 'utf8');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function time(text: string): number {
  const start = performance.now();
  parsePlanText(text);
  return performance.now() - start;
}

// The first call also pays for compiling the parser's regular expressions: report it apart.
const firstMs = time(seed);
for (let i = 0; i < WARM_UP; i++) time(seed);
const samples = Array.from({ length: runs }, () => time(seed)).sort((a, b) => a - b);

const median = percentile(samples, 50);
const p95 = percentile(samples, 95);
const lines = seed.split('\n').length;
console.log(`plan-import: parsePlanText on the seed (${lines} lines, ${seed.length} chars), ${runs} runs`);
console.log(`  first call ${firstMs.toFixed(2)} ms`);
console.log(`  median     ${median.toFixed(3)} ms`);
console.log(`  p95        ${p95.toFixed(3)} ms`);
console.log(`  max        ${samples[samples.length - 1]!.toFixed(3)} ms`);
console.log(`  bar        < ${BAR_MS} ms: ${p95 < BAR_MS && firstMs < BAR_MS ? 'met' : 'NOT MET'}`);
if (p95 >= BAR_MS || firstMs >= BAR_MS) process.exitCode = 1;
