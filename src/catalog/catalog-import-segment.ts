/**
 * Segmentation for bulk imports. Jieba segmentation with the search module's sub-word rules is the
 * most expensive step of an import (≈ 0.2 ms per item of a few hundred characters, more than the
 * inserts), so large imports segment in worker threads while the main thread keeps inserting: the
 * database writes, including the search rows, stay in the main thread's one transaction; only the
 * pure text work moves. Small imports segment inline (a worker costs ~0.4 s to load its dictionaries).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { searchRowOf } from '../search/search-index.ts';
import type { IndexableItem } from '../search/search-index.ts';
import type { SearchRow } from '../search/search-sql.ts';

/** Turns items into their search rows, in the same order. */
export interface SegmentPool {
  /** How many batches may usefully be in flight at once (the workers; 1 inline). */
  readonly width: number;
  segment(items: readonly IndexableItem[]): Promise<SearchRow[]>;
  /** Stops the workers (idempotent). */
  close(): Promise<void>;
}

/** Segments in the calling thread. */
export function inlineSegmentPool(): SegmentPool {
  return {
    width: 1,
    segment: (items) => Promise.resolve(items.map(searchRowOf)),
    close: () => Promise.resolve(),
  };
}

/** Items from which an import uses worker threads (below it, their start-up costs more than they save). */
export const PARALLEL_SEGMENT_THRESHOLD = 5_000;

/** The default number of workers: one per core (the main thread mostly waits on SQLite and on them), at most 4. */
export function defaultSegmentWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

interface Pending {
  resolve: (rows: SearchRow[]) => void;
  reject: (error: Error) => void;
}

/**
 * Starts `workers` worker threads. Under tsx (TypeScript sources) the workers load the `.ts` worker
 * through tsx as well; from the compiled build they load the `.js` one.
 */
export function openSegmentPool(workers = defaultSegmentWorkers()): SegmentPool {
  const typescript = import.meta.url.endsWith('.ts');
  const file = new URL(`./catalog-import-segment.worker.${typescript ? 'ts' : 'js'}`, import.meta.url);
  // Under tsx the worker registers tsx itself before loading the TypeScript worker (Node 20 does not
  // carry the parent's `--import tsx` hooks into worker threads).
  const start = (): Worker =>
    typescript
      ? new Worker(`import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(file.href)}); });`, { eval: true })
      : new Worker(file);
  const pool = Array.from({ length: workers }, start);
  const pending = new Map<number, Pending>();
  let nextJob = 0;
  let failure: Error | null = null;
  const fail = (error: Error): void => {
    failure ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  for (const worker of pool) {
    worker.on('message', (message: { job: number; rows?: SearchRow[]; error?: string }) => {
      const p = pending.get(message.job);
      if (!p) return;
      pending.delete(message.job);
      if (message.rows) p.resolve(message.rows);
      else p.reject(new Error(`segmentation worker: ${message.error ?? 'no result'}`));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`segmentation worker exited with ${code}`));
    });
  }
  let closed = false;
  return {
    width: workers,
    segment(items) {
      if (failure) return Promise.reject(failure);
      const job = nextJob;
      nextJob += 1;
      const worker = pool[job % pool.length];
      return new Promise((resolve, reject) => {
        pending.set(job, { resolve, reject });
        // Only the fields segmentation needs cross the thread boundary.
        worker?.postMessage({ job, items: items.map((i) => ({ id: i.id, title: i.title, summary: i.summary, documentNumber: i.documentNumber, bodyText: i.bodyText })) });
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
