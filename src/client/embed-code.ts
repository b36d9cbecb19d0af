// A "Copy" button and a choice of colours beside each embed snippet. Without this script the
// snippet still sits in a read-only textarea to select and copy by hand, in its automatic
// colours (the reader's light or dark setting), so the controls exist only with it.
import { EMBED_THEMES, snippetWithTheme, themedUrl, type EmbedTheme } from '../embed/theme-choice.ts';

/** The controls' words, in the page's language, as the frame writes them on the block (embedCodeHtml). */
interface Words {
  copy: string;
  copied: string;
  selected: string;
  themeLabel: string;
  themes: Record<EmbedTheme, string>;
}

function wordsOf(block: HTMLElement): Words {
  const data = block.dataset;
  return {
    copy: data.copy ?? '',
    copied: data.copied ?? '',
    selected: data.selected ?? '',
    themeLabel: data.themeLabel ?? '',
    themes: { auto: data.themeAuto ?? 'auto', light: data.themeLight ?? 'light', dark: data.themeDark ?? 'dark' },
  };
}

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
function themeChoice(field: HTMLTextAreaElement, preview: HTMLIFrameElement | null, status: HTMLElement, words: Words): HTMLFieldSetElement {
  const snippet = field.value;
  const previewSrc = preview?.getAttribute('src') ?? '';
  const fieldset = document.createElement('fieldset');
  fieldset.className = 'chart__embed-theme';
  const legend = document.createElement('legend');
  legend.textContent = words.themeLabel;
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
    label.append(input, ` ${words.themes[theme]}`);
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
  const words = wordsOf(block);
  button.textContent = words.copy;
  const status = document.createElement('span');
  status.className = 'chart__embed-status';
  status.setAttribute('role', 'status');
  button.addEventListener('click', async () => {
    status.textContent = (await copy(field)) ? words.copied : words.selected;
  });
  const preview = block.closest('[data-embed-entry]')?.querySelector<HTMLIFrameElement>('iframe[data-customs-story-embed]') ?? null;
  block.append(themeChoice(field, preview, status, words), button, status);
}

for (const block of document.querySelectorAll<HTMLElement>('.chart__embed-code')) enhance(block);
