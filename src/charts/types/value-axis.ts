// The value axis every upright chart shares: a domain rounded up to a tick, so the top
// gridline is always at or above the highest value and no line or column rises past it.
import * as Plot from '@observablehq/plot';

export interface ValueScale {
  domain: [number, number];
  ticks: number[];
}

/** 1, 2, 2.5 or 5 times a power of ten: the step that gives about `count` ticks. */
function niceStep(max: number, count: number): number {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiple = raw / power;
  return (multiple <= 1 ? 1 : multiple <= 2 ? 2 : multiple <= 2.5 ? 2.5 : multiple <= 5 ? 5 : 10) * power;
}

export function valueScale(max: number, count: number): ValueScale {
  if (!(max > 0)) return { domain: [0, 1], ticks: [0] };
  const step = niceStep(max, count);
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  // Multiplying rather than adding keeps ticks like 0.3 exact enough to print.
  for (let k = 0; k * step <= top + step / 1e6; k++) ticks.push(Number((k * step).toPrecision(12)));
  return { domain: [0, top], ticks };
}

/**
 * The value axis heading, at the left of the row `above` pixels over the plot. Plot's own
 * axis label always sits at the very top of the SVG, where the colour key and the
 * annotation texts are.
 */
export function valueAxisLabel(label: string, marginLeft: number, above: number): Plot.Markish {
  return Plot.text([label], {
    frameAnchor: 'top-left',
    dx: 3 - marginLeft,
    dy: -above,
    text: (text: string) => text,
    textAnchor: 'start',
    lineAnchor: 'top',
    fill: 'currentColor',
    className: 'chart__axis-label',
  });
}
