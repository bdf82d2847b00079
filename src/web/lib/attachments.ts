// What every file upload accepts (record attachments, recommendation evidence, policy-review
// responses), and the form a picked file is sent in.
export const ATTACHMENT_ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx';
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** The multipart body of one uploaded file. */
export function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}
