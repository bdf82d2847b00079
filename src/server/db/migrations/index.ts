// Every migration, listed explicitly and named by timestamp. Append only.
import type { Migration } from 'kysely';
import * as foundation from './2026112801-foundation';
import * as referenceExtra from './2026112802-reference-extra';
import * as plans from './2026112803-plans';

export const migrations: Record<string, Migration> = {
  '2026112801-foundation': foundation,
  '2026112802-reference-extra': referenceExtra,
  '2026112803-plans': plans,
};
