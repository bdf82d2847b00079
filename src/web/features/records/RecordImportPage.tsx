// Bulk entry of records from the .xlsx template (or .csv): a row-by-row report of what was accepted
// and why a row was refused. All or nothing unless the user keeps the valid rows. The upload
// carries an Idempotency-Key, kept while the same file and choice are retried.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type * as ApiTypes from '../../api/types';
import { ImportReport } from '../../components/ListPage';
import { ErrorNotice } from '../../components/Status';
import { formatNumber } from '../../i18n/format';
import { fieldError } from '../../lib/field-error';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { useRecordsT } from './use-records-t';
import './records.css';

type Report = ApiTypes.RecordImportReport;

export function RecordImportPage() {
  const rt = useRecordsT();
  const [file, setFile] = useState<File | null>(null);
  const [acceptValid, setAcceptValid] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<Report | null>(null);

  // A new file or a new choice is a new request, so it gets a new key.
  function change(next: { file?: File | null; acceptValid?: boolean }) {
    if (next.file !== undefined) setFile(next.file);
    if (next.acceptValid !== undefined) setAcceptValid(next.acceptValid);
    setKey(newIdempotencyKey());
    setReport(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('acceptValid', acceptValid ? 'true' : 'false');
      form.append('file', file, file.name);
      setReport(
        await unwrap(
          api.POST('/api/records/import', {
            params: { header: { 'idempotency-key': key } },
            // Multipart, which the OpenAPI spec does not describe: openapi-fetch sends FormData as is.
            body: form as never,
          }),
        ),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to="/records">← {rt('records.backToList')}</Link>
      </p>
      <h1>{rt('import.title')}</h1>
      <section className="panel">
        <h2>{rt('import.step1')}</h2>
        <p>{rt('import.templateHint')}</p>
        <a className="button button-secondary" href="/api/records/import/template.xlsx" download>
          {rt('import.template')}
        </a>
      </section>
      <form className="panel" onSubmit={(event) => void submit(event)} noValidate>
        <h2>{rt('import.step2')}</h2>
        <div className={fieldError(error, 'file') ? 'field has-error' : 'field'}>
          <label htmlFor="records-import-file">{rt('import.file')}</label>
          <input
            id="records-import-file"
            type="file"
            accept=".xlsx,.csv"
            onChange={(event) => change({ file: event.target.files?.[0] ?? null })}
          />
          {fieldError(error, 'file') && <small className="field-error">{fieldError(error, 'file')}</small>}
        </div>
        <fieldset className="fieldset">
          <legend>{rt('import.mode')}</legend>
          <label className="checkbox-inline">
            <input
              type="radio"
              name="records-import-mode"
              checked={!acceptValid}
              onChange={() => change({ acceptValid: false })}
            />
            {rt('import.allOrNothing')}
          </label>
          <label className="checkbox-inline">
            <input
              type="radio"
              name="records-import-mode"
              checked={acceptValid}
              onChange={() => change({ acceptValid: true })}
            />
            {rt('import.acceptValid')}
          </label>
        </fieldset>
        {error !== null && !fieldError(error, 'file') && <ErrorNotice error={error} />}
        <button type="submit" className="button button-primary" disabled={!file || busy}>
          {busy ? rt('import.running') : rt('import.run')}
        </button>
      </form>
      {report && (
        <ImportReport
          sheets
          ok={report.accepted > 0}
          summary={
            report.accepted > 0
              ? rt('import.accepted', { count: formatNumber(report.accepted) })
              : rt('import.noneSaved')
          }
          rejected={report.rejected}
          created={report.created}
          createdLabel={rt('import.created')}
          linkTo={(id) => `/records/${id}`}
        />
      )}
    </div>
  );
}
