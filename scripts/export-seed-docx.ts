// Writes the seed plan fixture as .docx and .xlsx, to look at the export as a user would.
// Usage: npx tsx scripts/export-seed-docx.ts [out-dir]   (default /tmp/seed-export), then
//        scripts/render-docx.sh /tmp/seed-export/ke-hoach-16-2022.docx
import fs from 'node:fs/promises';
import path from 'node:path';
import { seedPlan, seedPlanView } from '../src/server/modules/plan-export/fixtures/seed-plan';
import { renderPlanDocx } from '../src/server/modules/plan-export/plan-docx';
import { renderPlanXlsx } from '../src/server/modules/plan-export/plan-xlsx';

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? '/tmp/seed-export');
  await fs.mkdir(outDir, { recursive: true });
  const docxPath = path.join(outDir, 'ke-hoach-16-2022.docx');
  const xlsxPath = path.join(outDir, 'ke-hoach-16-2022.xlsx');
  await fs.writeFile(docxPath, await renderPlanDocx(seedPlanView));
  await fs.writeFile(xlsxPath, await renderPlanXlsx(seedPlan));
  console.log(`${docxPath}\n${xlsxPath}`);
}

await main();
