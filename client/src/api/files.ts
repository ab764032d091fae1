/** What the import route answers (server/src/plugins/io-routes.ts), as far as the client reads it. */
export interface ImportAnswer {
  ok: boolean;
  dryRun: boolean;
  applied: boolean;
  mode: string;
  /** The organisation the file was (or would be) written to. */
  organisationId?: string;
  issueCount: number;
  issues: Array<{
    sheet: string | null;
    /** The sheet as the file names it. */
    sheetName?: string | null;
    row: number | null;
    column: string | null;
    field: string | null;
    reason: string;
    message: string;
    value?: unknown;
  }>;
  /** Issues beyond those listed. */
  issuesLeftOut?: number;
  preview?: {
    counts: Record<string, { created: number; updated: number; unchanged: number; leftAlone: number; deleted: number }>;
  };
  code?: string;
  message?: string;
}

/**
 * Sends a file as the raw request body with XMLHttpRequest rather than fetch, because only XHR
 * reports upload progress, which a 100,000-link file needs.
 */
export function uploadFile(url: string, file: File, onProgress: (fraction: number) => void): Promise<ImportAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as ImportAnswer);
      } catch {
        reject(new Error(`HTTP ${xhr.status}`));
      }
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(file);
  });
}
