// Bulk registration from a spreadsheet: download the template, upload .xlsx or .csv, read the
// row-by-row report. All or nothing by default; or keep the valid rows.
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type * as ApiTypes from '../../api/types';
import { ImportReport } from '../../components/ListPage';
import { ErrorNotice } from '../../components/Status';
import { formatNumber } from '../../i18n/format';
import { fieldError } from '../../lib/field-error';
import { RegistryTabs } from './RegistryTabs';
import { useRegistryT } from './use-registry-t';
import '../../styles/form-widgets.css';
import './registry.css';

type Report = ApiTypes.ModelImportReport;

export function ModelImportPage() {
  const t = useRegistryT();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [acceptValid, setAcceptValid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<Report | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const form = new FormData();
      form.append('acceptValid', acceptValid ? 'true' : 'false');
      form.append('file', file, file.name);
      // Multipart, which the OpenAPI spec does not describe: openapi-fetch sends FormData as is.
      setReport(await unwrap(api.POST('/api/models/import', { body: form as never })));
      void queryClient.invalidateQueries({ queryKey: ['/api/models'] });
      void queryClient.invalidateQueries({ queryKey: ['/api/models/stats'] });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page page-narrow">
      <h1>{t('registry.title')}</h1>
      <RegistryTabs />
      <section className="panel">
        <h2>{t('import.step1')}</h2>
        <p>{t('import.templateHint')}</p>
        <a className="button button-secondary" href="/api/models/import/template.xlsx" download>
          {t('import.template')}
        </a>
      </section>
      <form className="panel" onSubmit={(event) => void submit(event)} noValidate>
        <h2>{t('import.step2')}</h2>
        <div className={fieldError(error, 'file') ? 'field has-error' : 'field'}>
          <label htmlFor="import-file">{t('import.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,.csv"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setReport(null);
            }}
          />
          {fieldError(error, 'file') && <small className="field-error">{fieldError(error, 'file')}</small>}
        </div>
        <fieldset className="fieldset">
          <legend>{t('import.mode')}</legend>
          <label className="checkbox-inline">
            <input type="radio" name="import-mode" checked={!acceptValid} onChange={() => setAcceptValid(false)} />
            {t('import.allOrNothing')}
          </label>
          <label className="checkbox-inline">
            <input type="radio" name="import-mode" checked={acceptValid} onChange={() => setAcceptValid(true)} />
            {t('import.acceptValid')}
          </label>
        </fieldset>
        {error !== null && !fieldError(error, 'file') && <ErrorNotice error={error} />}
        <button type="submit" className="button button-primary" disabled={!file || busy}>
          {busy ? t('import.running') : t('import.run')}
        </button>
      </form>
      {report && (
        <ImportReport
          ok={report.committed}
          summary={
            report.committed
              ? t('import.committed', { accepted: formatNumber(report.accepted) })
              : t('import.notCommitted', { valid: formatNumber(report.valid) })
          }
          rejected={report.rejected}
          created={report.created}
          createdLabel={t('import.created')}
          linkTo={(id) => `/models/${id}`}
        />
      )}
    </div>
  );
}
