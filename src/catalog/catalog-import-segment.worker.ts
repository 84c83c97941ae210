/**
 * Worker thread of the import's segmentation pool (catalog-import-segment.ts): receives batches of
 * items' searchable text and answers with their search rows, segmented by the search module's own
 * `searchRowOf` (the same jieba instance setup and token rules as every other indexing path).
 */
import { parentPort } from 'node:worker_threads';
import { searchRowOf } from '../search/search-index.ts';
import type { IndexableItem } from '../search/search-index.ts';

/** A request: the job id and the items (with their ids). */
interface SegmentRequest {
  job: number;
  items: IndexableItem[];
}

parentPort?.on('message', (request: SegmentRequest) => {
  try {
    parentPort?.postMessage({ job: request.job, rows: request.items.map(searchRowOf) });
  } catch (error) {
    parentPort?.postMessage({ job: request.job, error: error instanceof Error ? error.message : String(error) });
  }
});
