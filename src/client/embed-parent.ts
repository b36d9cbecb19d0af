// embed.js: sizes our chart iframes on a page that has no pym.js or Datawrapper script of
// its own. Every embed snippet loads it, so a page with several charts loads it several
// times: only the first copy does anything.
import { pymMessage, readHeight } from '../embed/protocol.ts';

const SELECTOR = 'iframe[data-customs-story-embed]';
const LOADED = Symbol.for('customs-story-embed');

const ourFrames = () => [...document.querySelectorAll<HTMLIFrameElement>(SELECTOR)];
const isOurs = (target: EventTarget | null): target is HTMLIFrameElement => target instanceof HTMLIFrameElement && target.matches(SELECTOR);
const originOf = (frame: HTMLIFrameElement) => new URL(frame.src, location.href).origin;

/**
 * Obeys a height only from the window inside one of our iframes, and only while that
 * window still shows a page of the iframe's own origin: another frame, the page itself, or
 * our iframe navigated elsewhere cannot resize anything. Frames are looked up per message,
 * so iframes added after this script ran are sized too.
 */
function onMessage(event: MessageEvent): void {
  const height = readHeight(event.data);
  if (height === undefined) return;
  const frame = ourFrames().find((candidate) => candidate.contentWindow === event.source);
  if (frame && originOf(frame) === event.origin) frame.style.height = `${height}px`;
}

/**
 * Asks a chart to say its height again, with the width message of pym.js that every chart
 * answers. Not while the iframe still holds its first blank page, which would refuse it.
 */
function ask(frame: HTMLIFrameElement): void {
  if (frame.contentDocument?.URL === 'about:blank') return;
  frame.contentWindow?.postMessage(pymMessage('', 'width', String(frame.clientWidth)), originOf(frame));
}

const flags = window as unknown as Record<symbol, boolean>;
if (!flags[LOADED]) {
  flags[LOADED] = true;
  window.addEventListener('message', onMessage);
  // A chart may have loaded, and reported, before this async script ran: ask every chart
  // now and each one as it loads. Ask again when the window changes width: browsers pause
  // the rendering, and with it the resize observers, of iframes scrolled out of view, but a
  // chart still answers a message at once.
  for (const frame of ourFrames()) ask(frame);
  document.addEventListener(
    'load',
    (event) => {
      if (isOurs(event.target)) ask(event.target);
    },
    true,
  );
  window.addEventListener('resize', () => {
    for (const frame of ourFrames()) ask(frame);
  });
}
