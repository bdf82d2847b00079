// A record's files: photos, PDF and .docx, uploaded after the record is saved. Each upload carries
// its own Idempotency-Key, kept while the same file is retried, so a flaky connection never
// attaches a file twice.
import { useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/Status';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES, type RecordView } from '../../lib/record-codes';
import { useRecordsT } from './use-records-t';
import { useConfirm } from '../../components/ConfirmDialog';

type Attachment = RecordView['attachments'][number];

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024))} KB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

interface AttachmentsProps {
  record: RecordView;
  onChange(attachments: Attachment[]): void;
}

export function Attachments({ record, onChange }: AttachmentsProps) {
  const { confirm: ask, dialog } = useConfirm();
  const rt = useRecordsT();
  const canAttach = record.allowedActions.includes('attach');
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ file: File; key: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tooBig, setTooBig] = useState(false);

  async function upload() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file.file, file.file.name);
      const added = await unwrap(
        api.POST('/api/records/{id}/attachments', {
          params: { path: { id: record.id }, header: { 'idempotency-key': file.key } },
          // Multipart, which the OpenAPI spec does not describe: openapi-fetch sends FormData as is.
          body: form as never,
        }),
      );
      onChange([...record.attachments.filter((a) => a.id !== added.id), added]);
      setFile(null);
      if (input.current) input.current.value = '';
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function remove(attachment: Attachment) {
    if (!(await ask(rt('files.confirmDelete', { name: attachment.fileName })))) return;
    setError(null);
    try {
      await api.DELETE('/api/records/{id}/attachments/{attachmentId}', {
        params: { path: { id: record.id, attachmentId: attachment.id } },
      });
      onChange(record.attachments.filter((a) => a.id !== attachment.id));
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section className="panel" aria-labelledby="rec-files-title">
      {dialog}
      <h2 id="rec-files-title">{rt('files.title')}</h2>
      {error !== null && <ErrorNotice error={error} />}
      {record.attachments.length === 0 ? (
        <p className="muted">{rt('files.none')}</p>
      ) : (
        <ul className="rec-files">
          {record.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/api/records/${record.id}/attachments/${a.id}`} download={a.fileName}>
                {a.fileName}
              </a>
              <small className="muted">
                {fileSize(a.sizeBytes)} · {formatDateTime(a.createdAt)}
              </small>
              {canAttach && (
                <button
                  type="button"
                  className="rec-icon-button"
                  aria-label={rt('files.delete', { name: a.fileName })}
                  onClick={() => void remove(a)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAttach && (
        <div className="rec-upload">
          <label htmlFor="rec-file" className="rec-label">
            {rt('files.choose')}
          </label>
          <input
            id="rec-file"
            ref={input}
            type="file"
            accept={ATTACHMENT_ACCEPT}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              const big = chosen !== null && chosen.size > MAX_ATTACHMENT_BYTES;
              setTooBig(big);
              setError(null);
              setFile(chosen && !big ? { file: chosen, key: newIdempotencyKey() } : null);
            }}
          />
          <small className="field-hint">{rt('files.hint')}</small>
          {tooBig && <small className="field-error">{rt('files.tooBig')}</small>}
          <button
            type="button"
            className="button button-secondary"
            disabled={!file || busy}
            onClick={() => void upload()}
          >
            {busy ? rt('files.uploading') : rt('files.upload')}
          </button>
        </div>
      )}
    </section>
  );
}
