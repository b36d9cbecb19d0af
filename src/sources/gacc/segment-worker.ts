// A worker thread of the segment pool: reads the segments it is sent, one after another,
// and posts each result back with its arrays transferred, not copied. The reader gives the
// arrays back once it has taken the rows, and the next segment is read into them.
import { open } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { FieldTextCache } from './field-text.ts';
import { readSegment, type RowBuffers, type SegmentTask } from './segment.ts';

/** One text cache per file being read, dropped when the reader is done with the file. */
const caches = new Map<number, FieldTextCache>();
/** Arrays given back, for the next segments. */
const spares: RowBuffers[] = [];
let queue: Promise<void> = Promise.resolve();

async function serve(id: number, task: SegmentTask): Promise<void> {
  let texts = caches.get(task.fileId);
  if (!texts) caches.set(task.fileId, (texts = new FieldTextCache()));
  const handle = await open(task.path, 'r');
  try {
    const result = await readSegment(handle, task, texts, spares.pop());
    parentPort!.postMessage({ id, result }, [result.ints.buffer, result.floats.buffer, result.tails.buffer, result.tailEnds.buffer] as ArrayBuffer[]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    await handle.close();
  }
}

type Message = { id: number; task: SegmentTask } | { release: number } | { reuse: RowBuffers };

parentPort!.on('message', (message: Message) => {
  if ('reuse' in message) spares.push(message.reuse);
  else if ('release' in message) queue = queue.then(() => void caches.delete(message.release));
  else queue = queue.then(() => serve(message.id, message.task));
});
