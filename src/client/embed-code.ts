// A "Copy" button beside each embed snippet. Without this script the snippet still sits in
// a read-only textarea to select and copy by hand, so the button exists only with it.

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
  block.append(button, status);
}

for (const block of document.querySelectorAll<HTMLElement>('.chart__embed-code')) enhance(block);
