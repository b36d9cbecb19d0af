// A "Copy" button and a choice of colours beside each embed snippet. Without this script the
// snippet still sits in a read-only textarea to select and copy by hand, in its automatic
// colours (the reader's light or dark setting), so the controls exist only with it.
import { EMBED_THEMES, snippetWithTheme, themedUrl, type EmbedTheme } from '../embed/theme-choice.ts';

const THEME_NAMES: Record<EmbedTheme, string> = { auto: "Auto (the reader's setting)", light: 'Light', dark: 'Dark' };

async function copy(field: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(field.value);
    return true;
  } catch {
    // No clipboard API (plain http, an old browser, a denied permission): select the code,
    // so the reader's own copy command takes it.
    field.select();
    return false;
  }
}

/**
 * Radio buttons that rewrite the snippet for a host page of fixed colours; on /embed/, the
 * entry's live preview follows, so an editor sees the chart as it will look.
 */
function themeChoice(field: HTMLTextAreaElement, preview: HTMLIFrameElement | null, status: HTMLElement): HTMLFieldSetElement {
  const snippet = field.value;
  const previewSrc = preview?.getAttribute('src') ?? '';
  const fieldset = document.createElement('fieldset');
  fieldset.className = 'chart__embed-theme';
  const legend = document.createElement('legend');
  legend.textContent = 'Colours';
  fieldset.append(legend);
  for (const theme of EMBED_THEMES) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = `${field.id}-theme`;
    input.value = theme;
    input.checked = theme === 'auto';
    input.addEventListener('change', () => {
      field.value = snippetWithTheme(snippet, theme);
      status.textContent = '';
      if (preview) preview.src = themedUrl(previewSrc, theme);
    });
    label.append(input, ` ${THEME_NAMES[theme]}`);
    fieldset.append(label);
  }
  return fieldset;
}

function enhance(block: HTMLElement): void {
  const field = block.querySelector('textarea');
  if (!field || block.querySelector('button')) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'chart__embed-copy';
  button.textContent = 'Copy code';
  const status = document.createElement('span');
  status.className = 'chart__embed-status';
  status.setAttribute('role', 'status');
  button.addEventListener('click', async () => {
    status.textContent = (await copy(field)) ? 'Copied' : 'Selected: press Ctrl+C or ⌘C to copy';
  });
  const preview = block.closest('[data-embed-entry]')?.querySelector<HTMLIFrameElement>('iframe[data-customs-story-embed]') ?? null;
  block.append(themeChoice(field, preview, status), button, status);
}

for (const block of document.querySelectorAll<HTMLElement>('.chart__embed-code')) enhance(block);
