import type { Problem } from '../contract/index.ts';
// The messages between the dev server and the banner in the page, over Vite's HMR socket.
// Kept apart so the browser script imports nothing from the server side.

/** Server → page: the problems to show; an empty list clears the banner. */
export const PROBLEMS_EVENT = 'customs-story:problems';
/** Page → server: a page has loaded and wants the current problems. */
export const HELLO_EVENT = 'customs-story:hello';

export interface HelloMessage {
  /** The page's address without its origin, which the reload gate renders before each reload. */
  path: string;
}

/** One source of problems (the data step, or the stories) with a line saying what it means. */
export interface ProblemsPayload {
  summary: string;
  problems: Problem[];
}

export interface ProblemsMessage {
  payloads: ProblemsPayload[];
}
