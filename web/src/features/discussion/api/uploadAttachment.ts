import type { AttachmentDto, attachmentResponse } from '@convene/shared';
import { type Answer, ApiError, apiError } from '../../../lib/api';

/**
 * Uploads one file to a comment (multipart, field "file"). XMLHttpRequest rather than fetch,
 * because only it reports upload progress.
 */
export function uploadAttachment(
  commentId: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<AttachmentDto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/comments/${commentId}/attachments`);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network'));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const attachment = (data as Partial<Answer<typeof attachmentResponse>> | undefined)?.attachment;
        if (attachment) {
          onProgress(1);
          resolve(attachment);
        } else reject(new ApiError(xhr.status, 'bad_response', 'bad_response'));
        return;
      }
      reject(apiError(xhr.status, data, xhr.getResponseHeader('x-request-id') ?? undefined));
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
