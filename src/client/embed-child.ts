// Runs inside an embed page: tells the page around the iframe how tall the chart is, so
// pym.js, Datawrapper-style and AMP parents, and our own embed.js, size the iframe to fit.
// It sends height messages and nothing else, and only when it is framed.
import { heightMessages, isPymWidthMessage } from '../embed/protocol.ts';

const root = document.documentElement;
const chartId = root.dataset.chartId ?? '';
// pym.js names its child in the `childId` query parameter; without pym, the chart id will do.
const pymId = new URLSearchParams(location.search).get('childId') ?? chartId;

/**
 * The whole document, margins of the first and last elements included (pym's own child
 * measures body.offsetHeight, which leaves them out and cuts the bottom off). Rounded up,
 * so a fractional pixel never turns into a scrollbar.
 */
function documentHeight(): number {
  return Math.ceil(root.getBoundingClientRect().height);
}

function sendHeight(): void {
  const height = documentHeight();
  for (const message of heightMessages(pymId, chartId, height)) window.parent.postMessage(message, '*');
}

if (window.parent !== window) {
  // The root's box follows the content's height and the iframe's width, so this one
  // observer covers the first layout, resizes, web fonts arriving and a reader opening the
  // data table; `load` catches anything that settled before it fired. Browsers pause the
  // observers of iframes scrolled out of view, so a parent's width message (pym.js and
  // embed.js send one when the window resizes) is answered at once, measured afresh.
  new ResizeObserver(sendHeight).observe(root);
  window.addEventListener('load', sendHeight);
  window.addEventListener('message', (event) => {
    if (event.source === window.parent && isPymWidthMessage(event.data)) sendHeight();
  });
}
