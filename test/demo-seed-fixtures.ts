// Instances of a demo seeding test: each its own data folder (its own machine) and host name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../src/server/config';

export interface Machine {
  host: string;
  config: Config;
  passwordFile: string;
}

/** A config as `loadConfig` gives it with these variables, on a fresh data folder. */
export function machine(host: string, env: Record<string, string> = {}): Machine {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `phoihop-${host}-`));
  return {
    host,
    config: loadConfig({ PHOIHOP_DATA_DIR: dataDir, ...env }),
    passwordFile: path.join(dataDir, 'demo-password.txt'),
  };
}

export function removeMachines(machines: Machine[]): void {
  for (const m of machines) fs.rmSync(m.config.dataDir, { recursive: true, force: true });
}

/** Only the accounts: the plans and reports of the demo are tested in demo.db.test.ts. */
export const accountsOnly = { content: () => Promise.resolve([]) };
