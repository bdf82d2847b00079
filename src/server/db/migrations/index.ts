// Every migration, listed explicitly and named by timestamp. Append only.
import type { Migration } from 'kysely';
import * as foundation from './2026112801-foundation';
import * as referenceExtra from './2026112802-reference-extra';
import * as plans from './2026112803-plans';
import * as records from './2026112804-records';
import * as registry from './2026112805-registry';
import * as analytics from './2026112806-analytics';
import * as monitoring from './2026112807-monitoring';
import * as modelSourceRecord from './2026112808-model-source-record';
import * as monitoringRecords from './2026112809-monitoring-records';
import * as reports from './2026112810-reports';
import * as storedFiles from './2026120201-stored-files';
import * as sharedInstances from './2026120301-shared-instances';
import * as recordActivityTotals from './2026120302-record-activity-totals';
import * as loginThrottle from './2026120310-login-throttle';
import * as auditNoTruncate from './2026120401-audit-no-truncate';
import * as indicatorValueType from './2026120402-indicator-value-type';
import * as modelOwnerAgency from './2026120403-model-owner-agency';
import * as documentRegister from './2026120404-document-register';
import * as agencyPositions from './2026120405-agency-positions';
import * as search from './2026120406-search';
import * as savedViews from './2026120407-saved-views';
import * as reminders from './2026120408-reminders';

export const migrations: Record<string, Migration> = {
  '2026112801-foundation': foundation,
  '2026112802-reference-extra': referenceExtra,
  '2026112803-plans': plans,
  '2026112804-records': records,
  '2026112805-registry': registry,
  '2026112806-analytics': analytics,
  '2026112807-monitoring': monitoring,
  '2026112808-model-source-record': modelSourceRecord,
  '2026112809-monitoring-records': monitoringRecords,
  '2026112810-reports': reports,
  '2026120201-stored-files': storedFiles,
  '2026120301-shared-instances': sharedInstances,
  '2026120302-record-activity-totals': recordActivityTotals,
  '2026120310-login-throttle': loginThrottle,
  '2026120401-audit-no-truncate': auditNoTruncate,
  '2026120402-indicator-value-type': indicatorValueType,
  '2026120403-model-owner-agency': modelOwnerAgency,
  '2026120404-document-register': documentRegister,
  '2026120405-agency-positions': agencyPositions,
  '2026120406-search': search,
  '2026120407-saved-views': savedViews,
  '2026120408-reminders': reminders,
};
