import { useT } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { DataTable } from '../../components/DataTable';
import type { AdminUnitDetail } from './AdminUnitDetailPage';
import { changeLabel } from './labels';

type Change = AdminUnitDetail['changes'][number];

export function ChangesTable({ changes }: { changes: Change[] }) {
  const t = useT();
  return (
    <DataTable<Change>
      rows={changes}
      rowKey={(c) => `${c.effectiveOn}-${c.kind}`}
      columns={[
        { key: 'date', header: t('changes.col.date'), cell: (c) => formatDate(c.effectiveOn) },
        {
          key: 'kind',
          header: t('changes.col.kind'),
          cell: (c) => {
            const label = changeLabel(c.kind);
            return label ? t(label) : c.kind;
          },
        },
        { key: 'old', header: t('changes.col.old'), cell: (c) => c.oldFullName },
        { key: 'new', header: t('changes.col.new'), cell: (c) => c.newFullName },
        { key: 'source', header: t('changes.col.source'), cell: (c) => c.source ?? '' },
      ]}
    />
  );
}
