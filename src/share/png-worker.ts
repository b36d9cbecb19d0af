// The task a PNG pool thread runs (see png-pool.ts): Node loads this file from the source
// tree, never from a bundle.
export { renderPng as default } from './png.ts';
