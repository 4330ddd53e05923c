import { type CommentDto, MAX_ATTACHMENTS } from '@convene/shared';
import { useRef, useState } from 'react';
import { uploadAttachment } from '../api/uploadAttachment';
import { useDiscussion } from '../context';
import { type FileProblem, checkFiles } from '../lib/files';
import { useCommentCache } from './useCommentCache';

export interface Upload {
  key: string;
  file: File;
  progress: number;
  state: 'waiting' | 'uploading' | 'done' | 'failed';
  error?: unknown;
}

export interface FileRefusal {
  name: string;
  problem: FileProblem;
}

/**
 * The files chosen in the composer and, once the text is saved, their uploads one by one with
 * progress and retry. `finish` is called when every file is attached (or the author moves on).
 */
export function useAttachmentUploads({
  comment,
  isEdit,
  finish,
}: {
  /** The comment being edited, whose files count against the limit. */
  comment: CommentDto | undefined;
  isEdit: boolean;
  finish: (saved: CommentDto) => void;
}) {
  const d = useDiscussion();
  const cache = useCommentCache(d.slug);
  const [files, setFiles] = useState<File[]>([]);
  const [refusals, setRefusals] = useState<FileRefusal[]>([]);
  const [posted, setPosted] = useState<CommentDto | null>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);

  /** How many more files may be chosen (0: the composer offers none). */
  const allowed =
    d.moderationMode === 'pre' || (isEdit && comment?.status !== 'approved')
      ? MAX_ATTACHMENTS - (comment?.attachments.length ?? 0)
      : 0;

  const choose = (list: FileList | null) => {
    if (!list) return;
    const taken = (comment?.attachments.length ?? 0) + files.length;
    const { accepted, refused } = checkFiles(Array.from(list), taken);
    setFiles((f) => [...f, ...accepted]);
    setRefusals(refused.map((r) => ({ name: r.file.name, problem: r.problem })));
  };

  const remove = (index: number) => setFiles((all) => all.filter((_, j) => j !== index));

  const run = async (saved: CommentDto, queue: Upload[]) => {
    let failed = false;
    for (const item of queue) {
      if (item.state === 'done') continue;
      const patch = (p: Partial<Upload>) =>
        setUploads((all) => all.map((u) => (u.key === item.key ? { ...u, ...p } : u)));
      patch({ state: 'uploading', progress: 0, error: undefined });
      try {
        const attachment = await uploadAttachment(saved.id, item.file, (progress) => patch({ progress }));
        patch({ state: 'done', progress: 1 });
        cache.update(saved.id, (c) =>
          c.attachments.some((a) => a.id === attachment.id) ? c : { ...c, attachments: [...c.attachments, attachment] },
        );
      } catch (err) {
        failed = true;
        patch({ state: 'failed', error: err });
      }
    }
    return !failed;
  };

  /** After the text is saved: uploads the chosen files to it. */
  const start = async (saved: CommentDto) => {
    const queue: Upload[] = files.map((file, i) => ({ key: `${i}-${file.name}`, file, progress: 0, state: 'waiting' }));
    setPosted(saved);
    setUploads(queue);
    // Focus follows the work: to the upload progress while it lasts, then to the new comment.
    let finished = false;
    requestAnimationFrame(() => {
      if (!finished) headingRef.current?.focus();
    });
    if (await run(saved, queue)) {
      finished = true;
      finish(saved);
    }
  };

  const retry = async (item: Upload) => {
    if (!posted) return;
    const ok = await run(posted, [item]);
    if (ok && uploads.every((u) => u.key === item.key || u.state === 'done')) finish(posted);
  };

  return { allowed, files, refusals, choose, remove, posted, uploads, headingRef, start, retry };
}

export type AttachmentUploads = ReturnType<typeof useAttachmentUploads>;
