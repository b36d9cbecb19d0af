/// <reference types="vite/client" />
// In the browser, in `npm run dev` only: a banner at the foot of the page listing what is
// wrong with the data or the stories, file and line first, so the last good page stays
// readable above it. It goes away by itself once everything is fixed.
import type { Problem } from '../contract/index.ts';
import { HELLO_EVENT, PROBLEMS_EVENT, type HelloMessage, type ProblemsMessage, type ProblemsPayload } from './events.ts';

const ID = 'customs-story-dev-problems';

function where(problem: Problem): string {
  return problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
}

function show(payloads: readonly ProblemsPayload[]): void {
  document.getElementById(ID)?.remove();
  if (payloads.length === 0) return;
  const banner = document.createElement('section');
  banner.id = ID;
  banner.setAttribute('role', 'alert');
  banner.style.cssText =
    'position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:45vh;overflow:auto;' +
    'margin:0;padding:0.75rem 1rem;background:#3b0d0d;color:#fff;font:14px/1.4 system-ui,sans-serif;box-shadow:0 -2px 8px rgba(0,0,0,.3)';
  for (const payload of payloads) {
    const heading = document.createElement('p');
    heading.style.cssText = 'margin:0 0 0.25rem;font-weight:700';
    heading.textContent = payload.summary;
    const list = document.createElement('ul');
    list.style.cssText = 'margin:0 0 0.5rem;padding-left:1.25rem';
    for (const problem of payload.problems) {
      const item = document.createElement('li');
      const place = document.createElement('code');
      place.textContent = where(problem);
      item.append(place, `: ${problem.message}`);
      list.append(item);
    }
    banner.append(heading, list);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Hide';
  close.addEventListener('click', () => banner.remove());
  banner.append(close);
  document.body.append(banner);
}

if (import.meta.hot) {
  import.meta.hot.on(PROBLEMS_EVENT, (data: ProblemsMessage) => show(data.payloads));
  import.meta.hot.send(HELLO_EVENT, { path: location.pathname + location.search } satisfies HelloMessage);
}
